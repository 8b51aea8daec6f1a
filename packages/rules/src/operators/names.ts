/**
 * The Trellis operator set. Core operators are json-logic-js 2.0.5's, with the same semantics,
 * less `log` (it does I/O). Custom operators are ours (see docs/rules.md).
 */
export const CORE_OPERATORS = [
  'var', 'missing', 'missing_some',
  'if', '?:', 'and', 'or', '!', '!!',
  '==', '===', '!=', '!==', '>', '>=', '<', '<=',
  '+', '-', '*', '/', '%', 'min', 'max',
  'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge',
  'in', 'cat', 'substr',
] as const;

export const CUSTOM_OPERATORS = [
  // dates (ISO 8601 strings, calendar arithmetic in UTC)
  'date', 'date_add', 'date_diff', 'date_before', 'date_after', 'date_between', 'year', 'quarter', 'month',
  // decimal-exact arithmetic
  'dec_add', 'dec_sub', 'dec_mul', 'dec_div', 'round',
  // arrays and strings
  'length', 'sum', 'avg', 'min_of', 'max_of',
  // lookups
  'tier',
] as const;

export type CoreOperator = (typeof CORE_OPERATORS)[number];
export type CustomOperator = (typeof CUSTOM_OPERATORS)[number];
export type Operator = CoreOperator | CustomOperator;

/** Operators whose second argument is evaluated once per array item, with the item as data. */
export const ITERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

const all: ReadonlySet<string> = new Set<string>([...CORE_OPERATORS, ...CUSTOM_OPERATORS]);
export function isOperator(name: string): name is Operator {
  return all.has(name);
}
