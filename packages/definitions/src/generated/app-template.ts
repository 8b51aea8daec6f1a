/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/app-template/v2.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId } from './common.js';
import type { EntityDefinition } from './entity.js';
import type { FlowDefinition } from './flow.js';
import type { LocalizedText } from './localized-text.js';
import type { PermissionDefinition } from './permission.js';
import type { ProgramDefinition } from './program.js';
import type { RuleDefinition } from './rule.js';

/**
 * Semantic version of the app, e.g. `1.0.0`.
 *
 * This interface was referenced by `AppTemplate`'s JSON-Schema
 * via the `definition` "version".
 */
export type AppVersion = string;
/**
 * SHA-256 over the canonical export of everything else; optional on input, written by export.
 *
 * This interface was referenced by `AppTemplate`'s JSON-Schema
 * via the `definition` "contentHash".
 */
export type ContentHash = string;

/**
 * One bundle holding a whole app: its definitions, roles and optional sample data. formatVersion 2; formatVersion 1 (app-template/v1.json, monolingual) loads through a migration.
 */
export interface AppTemplate {
  kind: 'app-template';
  formatVersion: 2;
  app: AppInfo;
  roles?: RoleDefinition[];
  entities?: EntityDefinition[];
  rules?: RuleDefinition[];
  flows?: FlowDefinition[];
  programs?: ProgramDefinition[];
  permissions?: PermissionDefinition[];
  sampleData?: SampleData;
  contentHash?: ContentHash;
}
/**
 * This interface was referenced by `AppTemplate`'s JSON-Schema
 * via the `definition` "app".
 */
export interface AppInfo {
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  version: AppVersion;
}
/**
 * This interface was referenced by `AppTemplate`'s JSON-Schema
 * via the `definition` "role".
 */
export interface RoleDefinition {
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  selfRegistration?: SelfRegistration;
}
/**
 * Present: anyone may sign up with this role, without an invitation, for a new organisation of their own (an external user's organisation). The role's permissions decide what such a user can do. At most one role of a template has it.
 *
 * This interface was referenced by `AppTemplate`'s JSON-Schema
 * via the `definition` "selfRegistration".
 */
export interface SelfRegistration {
  organisationId: OrganisationIdFormat;
}
/**
 * The ids given to organisations created by sign-up: the prefix and the next free number, zero-padded to `digits` (`P` and 6: P000001, P000002 …).
 */
export interface OrganisationIdFormat {
  prefix: string;
  digits: number;
}
/**
 * Sample records per entity id.
 *
 * This interface was referenced by `AppTemplate`'s JSON-Schema
 * via the `definition` "sampleData".
 */
export interface SampleData {
  [k: string]: {
    [k: string]: unknown;
  }[];
}
