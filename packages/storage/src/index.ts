export type * from './port.js';
export { createStorage } from './create.js';
export { STORAGE_CODES, storageProblems } from './problems.js';
export { MIGRATIONS } from './migrations/index.js';
