import type { RecordQuery } from '../port.js';
import { conditionSql } from './filter.js';
import type { Params } from './params.js';

/** app AND entity AND filter AND scope: the scope can only narrow what the filter selects. */
export function recordWhere(query: RecordQuery, params: Params): string {
  const parts = [`app = ${params.add(query.app, 'text')}`, `entity = ${params.add(query.entity, 'text')}`];
  // only the caller's filter is held to the declared fields: the scope is a published definition
  if (query.filter !== undefined) parts.push(conditionSql(query.filter, 'filter', { params, vars: query.vars, declared: query.fields }));
  if (query.scope !== undefined) parts.push(conditionSql(query.scope, 'scope', { params, vars: query.vars }));
  return parts.join(' AND ');
}
