import { storageError, storageProblems } from '../problems.js';

/**
 * An opaque page cursor: the sort values of the last row (as text) and its id, with the sort it
 * belongs to, so a cursor from another sort is refused rather than silently misread.
 */
export interface CursorState {
  readonly sort: string;
  readonly values: readonly (string | null)[];
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify([state.sort, state.values]), 'utf8').toString('base64url');
}

export function invalidCursor(path = 'after'): Error {
  return storageError(
    storageProblems.badFilter(path, { en: 'the cursor is damaged or belongs to another query', 'zh-CN': '游标已损坏或不属于此查询' }),
  );
}

export function decodeCursor(cursor: string, sort: string, count: number, path = 'after'): readonly (string | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(path);
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || parsed[0] !== sort) throw invalidCursor(path);
  const values: unknown = parsed[1];
  if (!Array.isArray(values) || values.length !== count || !values.every((v) => v === null || typeof v === 'string')) {
    throw invalidCursor(path);
  }
  return values as (string | null)[];
}
