import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'apps/*/e2e/**/*.e2e.test.ts', 'seed/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    // Opening PGlite (a WebAssembly PostgreSQL) in beforeAll can take >10 s on a busy 2-core machine.
    hookTimeout: 60_000,
    // Starts (or finds) the PostgreSQL server the storage and API suites also run on.
    globalSetup: ['./vitest.global-setup.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'node_modules/.vitest/results.json' },
  },
});
