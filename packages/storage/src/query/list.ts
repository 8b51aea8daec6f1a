import type { RecordListQuery, SortKey } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js';
import { UUID } from './filter.js';
import { jsonExpr, numericExpr, resolvePath, textExpr, unknownField } from './fields.js';
import { pageLimit } from './limit.js';
import { Params } from './params.js';
import { recordWhere } from './where.js';

/** One ORDER BY term; `cast` turns its text form (kept in the cursor) back into its type. */
interface SortTerm {
  readonly expr: string;
  readonly cast: string;
  readonly nullable: boolean;
  readonly desc: boolean;
}

const DEFAULT_SORT: readonly SortKey[] = [{ field: '$updatedAt', direction: 'desc' }];

function sortTerms(sort: readonly SortKey[], params: Params, declared: ReadonlySet<string> | undefined): SortTerm[] {
  const terms = sort.map((key, i): SortTerm => {
    // Without vars, a `$name` that is no metadata field is refused, so the result is a field.
    const resolved = resolvePath(key.field, `sort.${i}.field`, { params, declared });
    if (resolved.kind === 'value') throw new Error('A sort resolved to a value');
    const desc = key.direction === 'desc';
    const field = resolved.field;
    if (field.kind === 'meta') return { expr: field.column, cast: field.type, nullable: field.nullable, desc };
    if (key.type === 'number') return { expr: numericExpr(field), cast: 'numeric', nullable: true, desc };
    if (key.type === 'string') return { expr: textExpr(field), cast: 'text', nullable: true, desc };
    return { expr: jsonExpr(field), cast: 'jsonb', nullable: true, desc };
  });
  // The id makes the order total, in the last key's direction so one index scan serves both.
  terms.push({ expr: 'id', cast: 'uuid', nullable: false, desc: terms.at(-1)?.desc ?? false });
  return terms;
}

/** The text forms PostgreSQL gives each sort type, checked so a forged cursor is refused, not cast. */
const TEXT_FORMS: Readonly<Record<string, (v: string) => boolean>> = {
  numeric: (v) => /^-?\d+(\.\d+)?$/.test(v),
  integer: (v) => /^-?\d{1,10}$/.test(v),
  uuid: (v) => UUID.test(v),
  timestamptz: (v) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(v),
  text: () => true,
  jsonb: (v) => {
    try {
      JSON.parse(v);
      return true;
    } catch {
      return false;
    }
  },
};

function checkedValues(terms: readonly SortTerm[], values: readonly (string | null)[]): readonly (string | null)[] {
  terms.forEach((term, i) => {
    const value = values[i] ?? null;
    if ((value === null && !term.nullable) || (value !== null && TEXT_FORMS[term.cast]?.(value) !== true)) {
      throw invalidCursor();
    }
  });
  return values;
}

/**
 * Rows strictly after the cursor in ORDER BY order. PostgreSQL puts NULLs last ascending and first
 * descending; each term's "after" follows that, so pages never skip or repeat a row.
 */
function afterCondition(terms: readonly SortTerm[], values: readonly (string | null)[], params: Params): string {
  const ors: string[] = [];
  const equal: string[] = [];
  let bound: string | null = null;
  terms.forEach((term, i) => {
    const value = values[i] ?? null;
    const p = value === null ? null : params.add(value, term.cast);
    let later: string;
    if (p === null) later = term.desc ? `(${term.expr} IS NOT NULL)` : 'FALSE';
    else {
      const cmp = `(${term.expr} ${term.desc ? '<' : '>'} ${p})`;
      later = term.nullable && !term.desc ? `(${cmp} OR ${term.expr} IS NULL)` : cmp;
      // A plain range on the first key lets the index start at the cursor instead of filtering.
      if (i === 0 && (!term.nullable || term.desc)) bound = `(${term.expr} ${term.desc ? '<=' : '>='} ${p})`;
    }
    ors.push([...equal, later].join(' AND '));
    equal.push(p === null ? `(${term.expr} IS NULL)` : `(${term.expr} = ${p})`);
  });
  const after = `(${ors.map((o) => `(${o})`).join(' OR ')})`;
  return bound === null ? after : `${bound} AND ${after}`;
}

function columnsExpr(columns: readonly string[] | undefined, params: Params, declared: ReadonlySet<string> | undefined): string {
  if (columns === undefined) return 'data';
  if (!columns.every((c) => typeof c === 'string')) {
    throw storageError(storageProblems.badFilter('columns', { en: 'columns are field names', 'zh-CN': '列必须是字段名' }));
  }
  // columns are top-level fields: a nested path would select nothing
  const unknown = declared === undefined ? -1 : columns.findIndex((c) => c.includes('.') || !declared.has(c));
  if (unknown >= 0) throw unknownField(`columns.${unknown}`, columns[unknown] ?? '');
  return `(SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(data) WHERE key = ANY(${params.add(columns, 'text[]')}))`;
}

export const RECORD_COLUMNS =
  'id, app, entity, definition_version, owner, partner_org, created_by, created_at, updated_by, updated_at, revision';

export interface ListStatement {
  readonly text: string;
  readonly params: readonly unknown[];
  readonly limit: number;
  readonly sortCount: number;
  /** the next page's cursor from the last row's sort values */
  cursor(values: readonly (string | null)[]): string;
}

/** The SELECT for one page: limit + 1 rows, so the caller knows whether another page follows. */
export function listStatement(query: RecordListQuery): ListStatement {
  const limit = pageLimit(query.limit);
  const params = new Params();
  const sort = query.sort && query.sort.length > 0 ? query.sort : DEFAULT_SORT;
  const terms = sortTerms(sort, params, query.fields);
  const fingerprint = JSON.stringify(sort.map((k) => [k.field, k.direction ?? 'asc', k.type ?? null]));
  const conditions = [recordWhere(query, params)];
  if (query.after !== undefined && query.after !== null) {
    conditions.push(afterCondition(terms, checkedValues(terms, decodeCursor(query.after, fingerprint, terms.length)), params));
  }
  const data = columnsExpr(query.columns, params, query.fields);
  const sortValues = terms.map((t, i) => `(${t.expr})::text AS s${i}`).join(', ');
  const order = terms.map((t) => `${t.expr} ${t.desc ? 'DESC' : 'ASC'}`).join(', ');
  const text = `SELECT ${RECORD_COLUMNS}, ${data} AS data, ${sortValues} FROM records WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT ${params.add(limit + 1, 'integer')}`;
  return {
    text,
    params: params.values,
    limit,
    sortCount: terms.length,
    cursor: (values) => encodeCursor({ sort: fingerprint, values }),
  };
}
