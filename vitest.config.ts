import { defineConfig } from 'vitest/config';
import { hasPostgres } from './vitest.global-setup.js';

/** The API suite: every test of the server, run once per storage backend (see createTestApp). */
const API_TESTS = 'apps/server/src/**/*.test.ts';
/** Must match TEST_BACKEND_ENV in packages/storage/src/testing/backends.ts. */
const BACKEND_ENV = 'TRELLIS_TEST_BACKEND';

const apiProject = (backend: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: { name: `api-${backend}`, include: [API_TESTS], env: { [BACKEND_ENV]: backend } },
});

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    // Opening PGlite (a WebAssembly PostgreSQL) in beforeAll can take >10 s on a busy 2-core machine.
    hookTimeout: 60_000,
    // Starts (or finds) the PostgreSQL server the storage and API suites also run on.
    globalSetup: ['./vitest.global-setup.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'node_modules/.vitest/results.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'apps/*/e2e/**/*.e2e.test.ts', 'seed/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: [API_TESTS],
        },
      },
      // The whole API suite runs twice: on PGlite, and on PostgreSQL when a server is there
      // (always on CI, where the global setup refuses to go on without one).
      apiProject('pglite'),
      ...(hasPostgres() ? [apiProject('postgres')] : []),
    ],
  },
});
