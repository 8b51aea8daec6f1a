import { createHash } from 'node:crypto';
import type { IndexedField, Sql } from './port.js';
import { storageError, storageProblems } from './problems.js';
import { isSafePath, numericExpr, pathLiteral, textExpr } from './query/fields.js';

/** Same key as migrations: index creation and migrations never run side by side. */
const INDEX_LOCK = 7_231_177_002;

/** Index names are derived, never taken from input: a hash keeps them short and valid. */
function indexName(app: string, entity: string, path: string, variant: 'text' | 'num'): string {
  const hash = createHash('sha256').update([app, entity, path, variant].join('\u0000')).digest('hex').slice(0, 16);
  return `records_e_${variant}_${hash}`;
}

/** A string constant for DDL, which takes no parameters (standard_conforming_strings is on). */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Expression indexes, partial on one app's entity: the same expressions the filter and sort
 * translation writes for safe paths, so the planner can match them (list queries name app and
 * entity). Paths are validated (letters, digits, _), which is what makes writing them into DDL
 * safe. Partial, because a record write maintains only its own entity's indexes: an index shared
 * by every entity with the field made each insert pay for the fields of all entities.
 */
export async function ensureFieldIndexes(sql: Sql, app: string, entity: string, fields: readonly IndexedField[]): Promise<string[]> {
  const statements: { name: string; expr: string }[] = [];
  fields.forEach((field, i) => {
    if (!isSafePath(field.path)) throw storageError(storageProblems.badIndexField(`fields.${i}.path`, field.path));
    const ref = { kind: 'data' as const, sqlPath: pathLiteral(field.path) };
    statements.push({ name: indexName(app, entity, field.path, 'text'), expr: textExpr(ref) });
    if (field.type === 'number') statements.push({ name: indexName(app, entity, field.path, 'num'), expr: numericExpr(ref) });
  });
  if (statements.length === 0) return [];
  const where = `app = ${literal(app)} AND entity = ${literal(entity)}`;
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [INDEX_LOCK]);
    for (const s of statements) await tx.exec(`CREATE INDEX IF NOT EXISTS ${s.name} ON records (${s.expr}) WHERE ${where}`);
  });
  return statements.map((s) => s.name);
}
