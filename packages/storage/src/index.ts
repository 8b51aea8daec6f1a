export type * from './port.js';
export { createStorage } from './create.js';
export { STORAGE_CODES, storageProblems } from './problems.js';
export { MIGRATIONS } from './migrations/index.js';
export { ENTITY_FIELD_INDEXES_MIGRATION } from './migrations/0008_entity_field_indexes.js';
export { MAX_LIMIT } from './query/limit.js';
