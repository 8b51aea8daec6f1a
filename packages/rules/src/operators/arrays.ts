import { lookupVar } from '../var-lookup.js';
import { badArgument, describe, expectArity } from './arguments.js';
import { Dec, toDecimal, toNumberResult } from './decimal-value.js';

export function length(...args: unknown[]): number {
  expectArity('length', args, 1, 1);
  const value = args[0];
  // Code points, so "𠮷" (one character outside the BMP) counts 1 as a reader would expect.
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  throw badArgument('length', `expected a string or an array, got ${describe(value)}`, `需要字符串或数组，实际为 ${describe(value)}`);
}

/**
 * The numbers an aggregate works on: each item, or the property at `field` of each item (read like
 * `var`, so prototypes are never reached). null and missing values are skipped, as in SQL aggregates.
 */
function numbersOf(op: string, args: readonly unknown[]): Dec[] {
  expectArity(op, args, 1, 2);
  const [items, field] = args;
  if (!Array.isArray(items)) {
    throw badArgument(op, `expected an array, got ${describe(items)}`, `需要数组，实际为 ${describe(items)}`);
  }
  if (field !== undefined && field !== null && typeof field !== 'string') {
    throw badArgument(op, `the field must be a property path string, got ${describe(field)}`, `字段必须是属性路径字符串，实际为 ${describe(field)}`);
  }
  const values = field === undefined || field === null ? items : items.map((item) => lookupVar(item, field, null));
  return values.filter((v) => v !== null && v !== undefined).map((v) => toDecimal(op, v));
}

export function sum(...args: unknown[]): number {
  const values = numbersOf('sum', args);
  return values.length === 0 ? 0 : toNumberResult('sum', Dec.sum(...values));
}

export function avg(...args: unknown[]): number | null {
  const values = numbersOf('avg', args);
  return values.length === 0 ? null : toNumberResult('avg', Dec.sum(...values).dividedBy(values.length));
}

export function minOf(...args: unknown[]): number | null {
  const values = numbersOf('min_of', args);
  return values.length === 0 ? null : toNumberResult('min_of', Dec.min(...values));
}

export function maxOf(...args: unknown[]): number | null {
  const values = numbersOf('max_of', args);
  return values.length === 0 ? null : toNumberResult('max_of', Dec.max(...values));
}
