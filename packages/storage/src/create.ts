import { openPglite, type Driver } from './driver-pglite.js';
import { openPostgres } from './driver-postgres.js';
import { ensureFieldIndexes } from './field-indexes.js';
import { isMigrated, runMigrations } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Storage, StorageOptions } from './port.js';
import { repositories } from './repos/index.js';

const DEFAULT_MAX_CONNECTIONS = 10;

/**
 * Opens the storage: PostgreSQL when a connection string is given, else PGlite in `dataDir` (or
 * in memory). Call `migrate()` before use; the server does so on start.
 */
export async function createStorage(options: StorageOptions = {}): Promise<Storage> {
  const now = options.now ?? (() => new Date());
  const driver: Driver =
    options.databaseUrl !== undefined && options.databaseUrl !== ''
      ? await openPostgres(options.databaseUrl, options.maxConnections ?? DEFAULT_MAX_CONNECTIONS)
      : await openPglite(options.dataDir);
  const { sql } = driver;
  return {
    kind: options.databaseUrl ? 'postgres' : 'pglite',
    sql,
    now,
    read: repositories({ sql, now }),
    async migrate() {
      return { applied: await runMigrations(sql, MIGRATIONS, now()) };
    },
    transaction: (fn) => sql.transaction((tx) => fn(repositories({ sql: tx, now }))),
    ensureFieldIndexes: (_app, _entity, fields) => ensureFieldIndexes(sql, fields),
    async health() {
      try {
        return await isMigrated(sql, MIGRATIONS);
      } catch {
        return false;
      }
    },
    close: () => driver.close(),
  };
}
