import { createHash } from 'node:crypto';
import type { IndexedField, Sql } from './port.js';
import { storageError, storageProblems } from './problems.js';
import { isSafePath, numericExpr, pathLiteral, textExpr } from './query/fields.js';
import { STATISTICS_TARGET } from './pglite-analyze.js';

/** Same key as migrations: index creation and migrations never run side by side. */
const INDEX_LOCK = 7_231_177_002;

/** Names are derived, never taken from input: a hash keeps them short and valid. */
function hashed(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** The indexes of before the id joined them: replaced, so dropped (see `obsolete` below). */
function formerIndexName(app: string, entity: string, path: string, variant: 'text' | 'num'): string {
  return `records_e_${variant}_${hashed([app, entity, path, variant])}`;
}

function indexName(app: string, entity: string, path: string, variant: 'text' | 'num'): string {
  return `records_e_${variant}_${hashed([app, entity, path, variant, 'id'])}`;
}

/** Statistics describe the whole table (they take no WHERE), so one per expression serves every entity. */
function statisticsName(path: string, variant: 'text' | 'num'): string {
  return `records_x_${variant}_${hashed([path, variant])}`;
}

/** A string constant for DDL, which takes no parameters (standard_conforming_strings is on). */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

interface Indexed {
  readonly index: string;
  readonly statistics: string;
  readonly expr: string;
}

/**
 * Expression indexes, partial on one app's entity: the same expressions the filter and sort
 * translation writes for safe paths, so the planner can match them (list queries name app and
 * entity). Paths are validated (letters, digits, _), which is what makes writing them into DDL
 * safe. Partial, because a record write maintains only its own entity's indexes: an index shared
 * by every entity with the field made each insert pay for the fields of all entities.
 *
 * The planner ignores the statistics of partial indexes, so each expression also gets statistics
 * of its own: without them it guesses 0.5% of rows per filtered value and, for a sorted page, sorts
 * every matching row instead of reading the sort field's index until the page is full. New
 * statistics are filled at once (ANALYZE), since autovacuum only analyses after enough writes and
 * PGlite has no autovacuum at all.
 */
export async function ensureFieldIndexes(sql: Sql, app: string, entity: string, fields: readonly IndexedField[]): Promise<string[]> {
  const wanted: Indexed[] = [];
  // Indexes of the field alone, without the id: a sort on a field with few values (a status) then
  // had to read and sort all rows of its first value. And number fields had a text index too,
  // which only a comparison with a string literal could use, yet every write maintained.
  const obsolete: string[] = [];
  fields.forEach((field, i) => {
    if (!isSafePath(field.path)) throw storageError(storageProblems.badIndexField(`fields.${i}.path`, field.path));
    const ref = { kind: 'data' as const, sqlPath: pathLiteral(field.path) };
    const variant = field.type === 'number' ? 'num' : 'text';
    wanted.push({
      index: indexName(app, entity, field.path, variant),
      statistics: statisticsName(field.path, variant),
      expr: variant === 'num' ? numericExpr(ref) : textExpr(ref),
    });
    obsolete.push(formerIndexName(app, entity, field.path, variant));
    if (variant === 'num') obsolete.push(indexName(app, entity, field.path, 'text'), formerIndexName(app, entity, field.path, 'text'));
  });
  if (wanted.length === 0) return [];
  // One look at the catalog first: on every start and every incentive run the indexes are
  // usually all there already, and then nothing is locked, dropped or created.
  const names = [...wanted.map((s) => s.index), ...obsolete, ...wanted.map((s) => s.statistics)];
  const present = await sql.query<{ name: string }>(
    `SELECT indexname AS name FROM pg_indexes WHERE indexname = ANY($1::text[])
     UNION ALL SELECT stxname AS name FROM pg_statistic_ext WHERE stxname = ANY($1::text[])`, [names],
  );
  const have = new Set(present.map((r) => r.name));
  const stale = obsolete.filter((name) => have.has(name));
  const unindexed = wanted.filter((s) => !have.has(s.index));
  const unmeasured = [...new Map(wanted.filter((s) => !have.has(s.statistics)).map((s) => [s.statistics, s])).values()];
  if (stale.length === 0 && unindexed.length === 0 && unmeasured.length === 0) return wanted.map((s) => s.index);
  const where = `app = ${literal(app)} AND entity = ${literal(entity)}`;
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [INDEX_LOCK]);
    // IF (NOT) EXISTS: another process may have done the same since the look above
    for (const name of stale) await tx.exec(`DROP INDEX IF EXISTS ${name}`);
    // ORDER BY is the field then the id (list.ts), so the index hands out a page in its order
    for (const s of unindexed) await tx.exec(`CREATE INDEX IF NOT EXISTS ${s.index} ON records (${s.expr}, id) WHERE ${where}`);
    for (const s of unmeasured) await tx.exec(`CREATE STATISTICS IF NOT EXISTS ${s.statistics} ON (${s.expr}) FROM records`);
    if (unmeasured.length > 0) {
      // the smaller sample, as for PGlite's background analyses: PGlite's memory grows with it for good
      await tx.exec(`SET LOCAL default_statistics_target = ${STATISTICS_TARGET}`);
      await tx.exec('ANALYZE records');
    }
  });
  return wanted.map((s) => s.index);
}
