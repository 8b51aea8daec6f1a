/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/permission/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId, FieldPath } from './common.js';
import type { LocalizedText } from './localized-text.js';
import type { RuleExpression } from './rule.js';

/**
 * A grant: what users holding any of `roles` may do to the records of `entity` — the actions, the fields they may read and write, and the records it covers (`scope`). Grants only add: nothing is allowed unless some grant allows it, and a user's grants combine by union. formatVersion 1.
 */
export type PermissionDefinition = {
  kind: 'permission';
  formatVersion: 1;
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  /**
   * Role ids of the app; holding any one of them is enough.
   *
   * @minItems 1
   */
  roles: DefinitionId[];
  entity: PermissionEntity;
  /**
   * @minItems 1
   */
  actions: PermissionAction[];
  readableFields?: PermissionFields;
  writableFields?: PermissionFields;
  /**
   * The records the grant covers, as a rule over the record's fields, its metadata ($owner, $partnerOrg…) and the user ($user.id, $user.roles, $user.partnerOrg, $user.regions). Absent: every record.
   */
  scope?: RuleExpression;
};
/**
 * An entity id of the app, or "*" for every entity.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "entityRef".
 */
export type PermissionEntity = DefinitionId | '*';
/**
 * read: see records; create, update, delete: change them; export and import: move them as CSV/XLSX files.
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "action".
 */
export type PermissionAction = 'read' | 'create' | 'update' | 'delete' | 'export' | 'import';
/**
 * "*" for every field, or the field paths; a path covers everything below it (`address` covers `address.city`).
 *
 * This interface was referenced by `undefined`'s JSON-Schema
 * via the `definition` "fieldList".
 */
export type PermissionFields = '*' | FieldPath[];
