import { createHash } from 'node:crypto';
import type { IndexedField, Sql } from './port.js';
import { storageError, storageProblems } from './problems.js';
import { isSafePath, numericExpr, pathLiteral, textExpr } from './query/fields.js';

/** Same key as migrations: index creation and migrations never run side by side. */
const INDEX_LOCK = 7_231_177_002;

/** Index names are derived, never taken from input: a hash keeps them short and valid. */
function indexName(path: string, variant: 'text' | 'num'): string {
  const hash = createHash('sha256').update(`${path}\u0000${variant}`).digest('hex').slice(0, 16);
  return `records_f_${variant}_${hash}`;
}

/**
 * Expression indexes on (app, entity, <field expression>): the same expressions the filter and
 * sort translation writes for safe paths, so the planner can match them. Paths are validated
 * (letters, digits, _), which is what makes writing them into DDL safe; app and entity are index
 * columns, so one index serves every app and entity that has the field.
 */
export async function ensureFieldIndexes(sql: Sql, fields: readonly IndexedField[]): Promise<string[]> {
  const statements: { name: string; expr: string }[] = [];
  fields.forEach((field, i) => {
    if (!isSafePath(field.path)) throw storageError(storageProblems.badIndexField(`fields.${i}.path`, field.path));
    const ref = { kind: 'data' as const, sqlPath: pathLiteral(field.path) };
    statements.push({ name: indexName(field.path, 'text'), expr: textExpr(ref) });
    if (field.type === 'number') statements.push({ name: indexName(field.path, 'num'), expr: numericExpr(ref) });
  });
  if (statements.length === 0) return [];
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [INDEX_LOCK]);
    for (const s of statements) await tx.exec(`CREATE INDEX IF NOT EXISTS ${s.name} ON records (app, entity, ${s.expr})`);
  });
  return statements.map((s) => s.name);
}
