/**
 * What a records table asks the server for: the admin's filter (a condition tree, sent as JSON
 * Logic), sort and columns, as the list and export endpoints read them from the query string.
 */
import { toJsonLogic, type Group } from '@trellis/conditions';

export interface SortChoice {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

export interface TableQuery {
  readonly filter: Group;
  readonly sort: SortChoice | null;
  readonly columns: readonly string[];
}

/** The query string of `GET …/records/:entity` (and `/export`), without paging. */
export function listParams(query: TableQuery): URLSearchParams {
  const params = new URLSearchParams();
  // an empty group means "no filter": sending `{"and":[]}` would ask the server for nothing useful
  if (query.filter.children.length > 0) params.set('filter', JSON.stringify(toJsonLogic(query.filter)));
  if (query.sort !== null) params.set('sort', `${query.sort.field}:${query.sort.direction}`);
  if (query.columns.length > 0) params.set('columns', query.columns.join(','));
  return params;
}

/** Clicking a column header: ascending first, then descending, then back to ascending. */
export function nextSort(current: SortChoice | null, field: string): SortChoice {
  return current?.field === field && current.direction === 'asc' ? { field, direction: 'desc' } : { field, direction: 'asc' };
}
