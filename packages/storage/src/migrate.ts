import type { Migration, Sql } from './port.js';

/** Any constant shared by every Trellis process: the key of the migration advisory lock. */
const MIGRATION_LOCK = 7_231_177_001;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL
)`;

/**
 * Applies the pending migrations in one transaction. The advisory lock makes a second process
 * that starts at the same time wait and then find nothing left to do.
 */
export async function runMigrations(sql: Sql, migrations: readonly Migration[], now: Date): Promise<string[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(CREATE_TABLE);
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
    const applied: string[] = [];
    for (const migration of [...migrations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (done.has(migration.name)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [migration.name, now.toISOString()]);
      applied.push(migration.name);
    }
    return applied;
  });
}

/** True when every known migration is recorded (and the database answers). */
export async function isMigrated(sql: Sql, migrations: readonly Migration[]): Promise<boolean> {
  const rows = await sql.query<{ name: string }>(
    `SELECT name FROM schema_migrations WHERE name = ANY($1::text[])`,
    [migrations.map((m) => m.name)],
  );
  return rows.length === migrations.length;
}
