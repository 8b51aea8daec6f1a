import { createStorage } from '../create.js';
import type { Storage, StorageKind } from '../port.js';
import { createTestDatabase } from './test-database.js';

/** Where the PostgreSQL test server is; set by vitest.global-setup.ts or by the caller. */
export const TEST_DATABASE_ENV = 'TRELLIS_TEST_DATABASE_URL';
/** Which backend a suite that runs once per backend uses (`pglite`, `postgres`); set per vitest project. */
export const TEST_BACKEND_ENV = 'TRELLIS_TEST_BACKEND';

export interface TestBackend {
  readonly kind: StorageKind;
  /** A migrated storage of its own (a new database on PostgreSQL); close() also removes it. */
  open(options?: { now?: () => Date }): Promise<Storage>;
  /**
   * An empty, unmigrated database: `connect()` opens one more storage on it (two processes on
   * PostgreSQL; PGlite has one connection, so the same storage), `dispose()` closes and removes all.
   */
  fresh(): Promise<{ connect(): Promise<Storage>; dispose(): Promise<void> }>;
}

/** A clock that moves one second per reading from a fixed start: ordered, repeatable timestamps. */
export function steppingClock(start = '2025-01-01T00:00:00.000Z', stepMs = 1000): () => Date {
  let t = Date.parse(start);
  return () => {
    const d = new Date(t);
    t += stepMs;
    return d;
  };
}

const pglite: TestBackend = {
  kind: 'pglite',
  async open(options = {}) {
    const storage = await createStorage({ dataDir: 'memory://', now: options.now ?? steppingClock() });
    await storage.migrate();
    return storage;
  },
  async fresh() {
    const storage = await createStorage({ dataDir: 'memory://' });
    return { connect: async () => storage, dispose: () => storage.close() };
  },
};

function postgres(adminUrl: string): TestBackend {
  return {
    kind: 'postgres',
    async open(options = {}) {
      const db = await createTestDatabase(adminUrl);
      const storage = await createStorage({ databaseUrl: db.url, now: options.now ?? steppingClock() });
      await storage.migrate();
      return {
        ...storage,
        async close() {
          await storage.close();
          await db.drop();
        },
      };
    },
    async fresh() {
      const db = await createTestDatabase(adminUrl);
      const opened: Storage[] = [];
      return {
        async connect() {
          const storage = await createStorage({ databaseUrl: db.url });
          opened.push(storage);
          return storage;
        },
        async dispose() {
          for (const storage of opened) await storage.close();
          await db.drop();
        },
      };
    },
  };
}

/** Every backend a contract suite runs on: PGlite always, PostgreSQL when the server is known. */
export function testBackends(): TestBackend[] {
  const url = process.env[TEST_DATABASE_ENV];
  return url ? [pglite, postgres(url)] : [pglite];
}

/**
 * The backend of the running suite, for suites that the test configuration runs once per backend
 * (the API suite): `TRELLIS_TEST_BACKEND=postgres` needs the server's URL; unset means PGlite.
 */
export function selectedTestBackend(): TestBackend {
  const kind = process.env[TEST_BACKEND_ENV] ?? 'pglite';
  if (kind === 'pglite') return pglite;
  const url = process.env[TEST_DATABASE_ENV];
  if (kind === 'postgres' && url) return postgres(url);
  throw new Error(`${TEST_BACKEND_ENV}=${kind} needs ${kind === 'postgres' ? TEST_DATABASE_ENV : 'pglite or postgres'}`);
}
