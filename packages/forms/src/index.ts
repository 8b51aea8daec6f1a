export type {
  FormContext,
  FormDeps,
  FormRecord,
  FormRuntime,
  FormUser,
  ProcessResult,
  RuleEngine,
  SchemaValidator,
  UiState,
} from './types.js';
export { buildFormRuntime, type BuildOptions } from './runtime.js';
export { createFormRuntime, defaultFormDeps } from './defaults.js';
export { getFormRuntime } from './runtime-cache.js';
export { checkFormDefinition, type CheckFormOptions } from './check/check-definition.js';
export { checkSchemaSafety, DEFAULT_SCHEMA_LIMITS, type SchemaLimits } from './check/schema-safety.js';
export { schemaFieldPaths } from './schema-fields.js';
export { formProblems } from './problems.js';
