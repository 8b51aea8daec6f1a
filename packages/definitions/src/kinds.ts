import type {
  AppTemplate,
  EntityDefinition,
  FlowDefinition,
  PermissionDefinition,
  ProgramDefinition,
  RuleDefinition,
} from './generated/index.js';

/** Each definition kind with a format version of its own, and its current type. */
export interface DefinitionTypes {
  entity: EntityDefinition;
  rule: RuleDefinition;
  flow: FlowDefinition;
  program: ProgramDefinition;
  permission: PermissionDefinition;
  'app-template': AppTemplate;
}

export type DefinitionKind = keyof DefinitionTypes;

/** Typed against the generated `formatVersion` constants, so a schema bump cannot be missed here. */
export const CURRENT_FORMAT_VERSIONS: { readonly [K in DefinitionKind]: DefinitionTypes[K]['formatVersion'] } = {
  entity: 1,
  rule: 1,
  flow: 1,
  program: 2,
  permission: 1,
  'app-template': 2,
};

export const DEFINITION_KINDS = Object.keys(CURRENT_FORMAT_VERSIONS) as DefinitionKind[];
