export type * from './generated/index.js';
export type { DefinitionKind, DefinitionTypes } from './kinds.js';
export { CURRENT_FORMAT_VERSIONS, DEFINITION_KINDS } from './kinds.js';
export { validateDefinition, loadAppTemplate, supportedVersions } from './validate.js';
export { PUBLISHED_SCHEMAS, schemaId, isPublished } from './schemas.js';
export { definitionProblems } from './problems.js';
export * from './migrations/index.js';
export { SCOPE_META_FIELDS, SCOPE_CONTEXT_SCHEMA, type ScopeMetaField } from './permission-scope.js';
