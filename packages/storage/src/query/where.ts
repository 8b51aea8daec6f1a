import type { RecordQuery } from '../port.js';
import { conditionSql } from './filter.js';
import type { Params } from './params.js';

/** app AND entity AND filter AND scope: the scope can only narrow what the filter selects. */
export function recordWhere(query: RecordQuery, params: Params): string {
  const ctx = { params, vars: query.vars };
  const parts = [`app = ${params.add(query.app, 'text')}`, `entity = ${params.add(query.entity, 'text')}`];
  if (query.filter !== undefined) parts.push(conditionSql(query.filter, 'filter', ctx));
  if (query.scope !== undefined) parts.push(conditionSql(query.scope, 'scope', ctx));
  return parts.join(' AND ');
}
