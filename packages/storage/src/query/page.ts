import type { Page } from '../port-flows.js';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js';
import { UUID } from './filter.js';
import type { Sql } from '../port.js';
import type { Params } from './params.js';

/**
 * Keyset paging on a timestamp and an id (the flow tables' lists): the condition that continues
 * after a cursor, and the page with the next cursor from one extra row fetched.
 */
function afterCondition(
  after: string | null | undefined, kind: string, params: Params, columns: { at: string; id: string; idCast: 'uuid' | 'text' }, direction: '<' | '>',
): string | null {
  if (after === undefined || after === null) return null;
  const [at, id] = decodeCursor(after, kind, 2);
  if (at == null || id == null || Number.isNaN(Date.parse(at))) throw invalidCursor();
  if (columns.idCast === 'uuid' && !UUID.test(id)) throw invalidCursor();
  return `(${columns.at}, ${columns.id}) ${direction} (${params.add(at, 'timestamptz')}, ${params.add(id, columns.idCast)})`;
}

function pageOf<T>(rows: readonly T[], limit: number, kind: string, key: (item: T) => [string, string]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ sort: kind, values: key(last) }) : null };
}

/** A table listed newest (`<`) or oldest (`>`) first by a timestamp, the id breaking ties. */
export interface Keyset {
  readonly kind: string;
  readonly from: string;
  readonly at: string;
  readonly id: string;
  readonly idCast: 'uuid' | 'text';
  readonly direction: '<' | '>';
}

/** One page of `keyset.from` matching `where` (bound in `params`), continuing after the cursor. */
export async function keysetPage<R, T>(
  sql: Sql, keyset: Keyset, where: string[], params: Params, page: { after?: string | null; limit: number },
  toItem: (row: R) => T, key: (item: T) => [string, string],
): Promise<Page<T>> {
  const after = afterCondition(page.after, keyset.kind, params, keyset, keyset.direction);
  const conditions = after === null ? where : [...where, after];
  const order = keyset.direction === '<' ? 'DESC' : 'ASC';
  const rows = await sql.query<R>(
    `SELECT ${keyset.from} ${conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`}
     ORDER BY ${keyset.at} ${order}, ${keyset.id} ${order} LIMIT ${params.add(page.limit + 1, 'integer')}`,
    params.values,
  );
  return pageOf(rows.map(toItem), page.limit, keyset.kind, key);
}
