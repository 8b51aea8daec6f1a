import type { Page } from '../port-flows.js';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js';
import { UUID } from './filter.js';
import type { Params } from './params.js';

/**
 * Keyset paging on a timestamp and an id (the flow tables' lists): the condition that continues
 * after a cursor, and the page with the next cursor from one extra row fetched.
 */
export function afterCondition(
  after: string | null | undefined, kind: string, params: Params, columns: { at: string; id: string; idCast: 'uuid' | 'text' }, direction: '<' | '>',
): string | null {
  if (after === undefined || after === null) return null;
  const [at, id] = decodeCursor(after, kind, 2);
  if (at == null || id == null || Number.isNaN(Date.parse(at))) throw invalidCursor();
  if (columns.idCast === 'uuid' && !UUID.test(id)) throw invalidCursor();
  return `(${columns.at}, ${columns.id}) ${direction} (${params.add(at, 'timestamptz')}, ${params.add(id, columns.idCast)})`;
}

export function pageOf<T>(rows: readonly T[], limit: number, kind: string, key: (item: T) => [string, string]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ sort: kind, values: key(last) }) : null };
}
