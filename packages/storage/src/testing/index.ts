export { testBackends, steppingClock, TEST_DATABASE_ENV, type TestBackend } from './backends.js';
export { createTestDatabase } from './test-database.js';
