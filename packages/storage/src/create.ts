import { openPglite, type Driver } from './driver-pglite.js';
import { openPostgres } from './driver-postgres.js';
import { ensureFieldIndexes } from './field-indexes.js';
import { isMigrated, runMigrations } from './migrate.js';
import { SESSION_LOOKUP_CHANNEL } from './migrations/0009_session_lookup_notices.js';
import { MIGRATIONS } from './migrations/index.js';
import { keepStatisticsCurrent } from './pglite-analyze.js';
import type { Storage, StorageOptions } from './port.js';
import { repositories } from './repos/index.js';
import { sessionCache } from './repos/session-cache.js';
import { sharedVersionCache } from './repos/version-cache.js';

const DEFAULT_MAX_CONNECTIONS = 10;

/**
 * Opens the storage: PostgreSQL when a connection string is given, else PGlite in `dataDir` (or
 * in memory). Call `migrate()` before use; the server does so on start.
 */
export async function createStorage(options: StorageOptions = {}): Promise<Storage> {
  const now = options.now ?? (() => new Date());
  const url = options.databaseUrl ?? '';
  const postgres = url !== '';
  const driver: Driver = postgres
    ? await openPostgres(url, options.maxConnections ?? DEFAULT_MAX_CONNECTIONS)
    : await openPglite(options.dataDir);
  const { sql } = driver;
  // PostgreSQL's autovacuum does this; PGlite has none
  const statistics = postgres ? null : keepStatisticsCurrent(sql);
  const versions = sharedVersionCache();
  const sessions = sessionCache();
  let listening = false;
  const pool = repositories({ sql, now, versions, sessionCache: sessions, sessionLookupChanged: sessions.changed });
  return {
    kind: postgres ? 'postgres' : 'pglite',
    sql,
    now,
    read: pool,
    async migrate() {
      const applied = await runMigrations(sql, MIGRATIONS, now());
      // Session lookups are kept only once the database's change notices (0009) reach this process.
      if (!listening) {
        listening = true;
        await driver.listen(SESSION_LOOKUP_CHANNEL, { notice: sessions.changed, listening: sessions.listening });
      }
      return { applied };
    },
    async transaction(fn) {
      const seen = versions.forTransaction();
      let changed = false;
      try {
        const result = await sql.transaction((tx) => fn(repositories({ sql: tx, now, versions: seen, sessionLookupChanged: () => void (changed = true) })));
        seen.commit();
        return result;
      } finally {
        // after the commit (or the rollback, harmlessly): before it, a lookup would still read the old rows
        if (changed) sessions.changed();
      }
    },
    createRecord: (input) => pool.records.create(input),
    ensureFieldIndexes: (app, entity, fields) => ensureFieldIndexes(sql, app, entity, fields),
    async health() {
      try {
        return await isMigrated(sql, MIGRATIONS);
      } catch {
        return false;
      }
    },
    async close() {
      await statistics?.stop();
      await driver.close();
    },
  };
}
