import type { Sql } from './port.js';

/**
 * PostgreSQL's autovacuum keeps the planner's statistics current; PGlite runs no autovacuum, so
 * without this a table filled after its last ANALYZE is planned with guesses (0.5% of rows per
 * filtered value), and a sorted list page sorts every matching row instead of reading an index.
 * Same rule as autovacuum's defaults: a table is analysed once more than 50 rows + 10% of it have
 * changed since its last ANALYZE, or when it has rows and was never analysed (PGlite forgets its
 * change counts on restart; reltuples, kept in the catalog, is -1 until the first ANALYZE).
 */
const STALE_TABLES = `
  SELECT format('%I.%I', s.schemaname, s.relname) AS name
  FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
     OR (c.reltuples < 0 AND pg_relation_size(c.oid) > 0)
  ORDER BY 1`;

/**
 * PGlite answers nothing else while it analyses: with PostgreSQL's default sample (30,000 rows),
 * a table of 100,000 records holds every request for ~2 s; 9,000 rows take a quarter of that and
 * still estimate filters well enough to choose between an index and a scan.
 */
export const STATISTICS_TARGET = 30;

/** ANALYZEs the tables whose statistics are stale; returns their names. */
export async function analyzeStaleTables(sql: Sql): Promise<string[]> {
  // change counts reach the statistics views at most once a second; this flushes them now
  await sql.query('SELECT pg_stat_force_next_flush()');
  const stale = (await sql.query<{ name: string }>(STALE_TABLES)).map((r) => r.name);
  for (const name of stale) {
    await sql.transaction(async (tx) => {
      await tx.exec(`SET LOCAL default_statistics_target = ${STATISTICS_TARGET}`);
      await tx.exec(`ANALYZE ${name}`);
    });
  }
  return stale;
}

/** How often PGlite's statistics are checked (autovacuum's default naptime is a minute too). */
export const ANALYZE_INTERVAL_MS = 60_000;

/**
 * Checks every `intervalMs` in the background (the timer does not keep the process alive);
 * `stop()` ends it and waits for a check under way, so the database can close after it.
 */
export function keepStatisticsCurrent(sql: Sql, intervalMs = ANALYZE_INTERVAL_MS): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    // a failed check (the database closing, say) is retried at the next tick
    running = running.then(() => analyzeStaleTables(sql)).catch(() => undefined);
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
