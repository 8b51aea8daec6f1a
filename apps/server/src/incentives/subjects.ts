/**
 * The subjects of a program, page by page in subject-key order (keyset on the key, whose
 * expression index the run ensures): memory holds one page whatever the number of subjects.
 * A key is one subject; should two records share it, the first by id counts.
 */
import type { Sql } from '@trellis/storage';
import { pathLiteral } from './sql-paths.js';

export interface Subject {
  readonly key: string;
  readonly record: string;
  readonly data: Record<string, unknown>;
}

export async function countSubjects(sql: Sql, app: string, entity: string, key: string): Promise<number> {
  const k = `(data #>> ${pathLiteral(key, 'subjectKey')})`;
  const rows = await sql.query<{ n: string }>(
    `SELECT count(DISTINCT ${k})::text AS n FROM records WHERE app = $1 AND entity = $2 AND ${k} IS NOT NULL`, [app, entity]);
  return Number(rows[0]?.n ?? 0);
}

export async function* subjectPages(sql: Sql, app: string, entity: string, key: string, size: number): AsyncGenerator<Subject[]> {
  const k = `(data #>> ${pathLiteral(key, 'subjectKey')})`;
  let after: string | null = null;
  for (;;) {
    // The page's keys first, from the key's index alone; then their records. Asked in one query
    // ("the next `size` keys' records"), the planner sorts every remaining record on each page.
    const rows: { key: string; id: string; data: Record<string, unknown> }[] = await sql.query(
      `SELECT DISTINCT ON (${k}) ${k} AS key, id::text AS id, data FROM records
       WHERE app = $1 AND entity = $2 AND ${k} = ANY(ARRAY(
         SELECT DISTINCT ${k} FROM records WHERE app = $1 AND entity = $2 AND ${after === null ? `${k} IS NOT NULL` : `${k} > $4`}
         ORDER BY 1 LIMIT $3))
       ORDER BY ${k}, id`, after === null ? [app, entity, size] : [app, entity, size, after]);
    if (rows.length === 0) return;
    yield rows.map((r) => ({ key: r.key, record: r.id, data: r.data }));
    after = (rows[rows.length - 1] as { key: string }).key;
    if (rows.length < size) return;
  }
}
