export { createSchemaValidator } from './create-validator.js';
export type { SchemaValidator, SchemaValidatorOptions, ValidateFunction } from './create-validator.js';
export type { ForPeople } from './messages.js';
export { pointerToPath, keywordCode } from './paths.js';
export { fullDateNumber } from './full-date.js';
