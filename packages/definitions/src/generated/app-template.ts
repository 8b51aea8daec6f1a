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
