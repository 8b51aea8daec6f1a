export type { JsonObject, Migration } from './migration.js';
export { MIGRATIONS, migrationPath, applyMigrations } from './registry.js';
export { appTemplate1To2, APP_TEMPLATE_V1_TEXTS } from './app-template-1-to-2.js';
export { program1To2, PROGRAM_V1_CONVENTIONS } from './program-1-to-2.js';
