export { selectedTestBackend, testBackends, steppingClock, TEST_BACKEND_ENV, TEST_DATABASE_ENV, type TestBackend } from './backends.js';
export { createTestDatabase } from './test-database.js';
export { problemOf } from './fixtures.js';
