import type { Operator } from '../operators/names.js';

/** The coarse types static checking infers; `date` is a string that holds an ISO date or date-time. */
export type Coarse = 'number' | 'string' | 'date' | 'boolean' | 'array' | 'object' | 'null' | 'any';

/**
 * What an argument must be. `number` accepts numeric text too (json-logic-js and the decimal
 * operators parse it); `seq` is a list or a text (`length`, the second argument of `in`).
 */
export type ArgKind = 'any' | 'number' | 'date' | 'array' | 'seq';

export interface Signature {
  readonly min: number;
  readonly max: number;
  /** the kind of each argument; the last one repeats for further arguments */
  readonly args: readonly ArgKind[];
  /** the result type; 'special' ones (var, if, and, or, reduce, tier…) are inferred from their arguments */
  readonly result: Coarse | 'special';
}

const sig = (min: number, max: number, args: readonly ArgKind[], result: Coarse | 'special'): Signature =>
  ({ min, max, args, result });
const ANY = Infinity;

/** Arity and types of every operator (json-logic-js 2.0.5 semantics plus ours, see operators/). */
export const SIGNATURES: Readonly<Record<Operator, Signature>> = {
  var: sig(0, 2, ['any'], 'special'),
  missing: sig(0, ANY, ['any'], 'array'),
  missing_some: sig(2, 2, ['number', 'array'], 'array'),
  if: sig(1, ANY, ['any'], 'special'),
  '?:': sig(3, 3, ['any'], 'special'),
  and: sig(1, ANY, ['any'], 'special'),
  or: sig(1, ANY, ['any'], 'special'),
  '!': sig(1, 1, ['any'], 'boolean'),
  '!!': sig(1, 1, ['any'], 'boolean'),
  '==': sig(2, 2, ['any'], 'boolean'),
  '===': sig(2, 2, ['any'], 'boolean'),
  '!=': sig(2, 2, ['any'], 'boolean'),
  '!==': sig(2, 2, ['any'], 'boolean'),
  '>': sig(2, 2, ['any'], 'boolean'),
  '>=': sig(2, 2, ['any'], 'boolean'),
  '<': sig(2, 3, ['any'], 'boolean'),
  '<=': sig(2, 3, ['any'], 'boolean'),
  '+': sig(0, ANY, ['number'], 'number'),
  '-': sig(1, 2, ['number'], 'number'),
  '*': sig(1, ANY, ['number'], 'number'),
  '/': sig(2, 2, ['number'], 'number'),
  '%': sig(2, 2, ['number'], 'number'),
  min: sig(1, ANY, ['number'], 'number'),
  max: sig(1, ANY, ['number'], 'number'),
  map: sig(2, 2, ['array', 'any'], 'array'),
  filter: sig(2, 2, ['array', 'any'], 'array'),
  reduce: sig(2, 3, ['array', 'any'], 'special'),
  all: sig(2, 2, ['array', 'any'], 'boolean'),
  none: sig(2, 2, ['array', 'any'], 'boolean'),
  some: sig(2, 2, ['array', 'any'], 'boolean'),
  merge: sig(0, ANY, ['any'], 'array'),
  in: sig(2, 2, ['any', 'seq'], 'boolean'),
  cat: sig(0, ANY, ['any'], 'string'),
  substr: sig(2, 3, ['any', 'number'], 'string'),
  date: sig(1, 1, ['date'], 'date'),
  date_add: sig(3, 3, ['date', 'number', 'any'], 'date'),
  date_diff: sig(3, 3, ['date', 'date', 'any'], 'number'),
  date_before: sig(2, 2, ['date'], 'boolean'),
  date_after: sig(2, 2, ['date'], 'boolean'),
  date_between: sig(3, 3, ['date'], 'boolean'),
  year: sig(1, 1, ['date'], 'number'),
  quarter: sig(1, 1, ['date'], 'number'),
  month: sig(1, 1, ['date'], 'number'),
  dec_add: sig(1, ANY, ['number'], 'number'),
  dec_sub: sig(2, 2, ['number'], 'number'),
  dec_mul: sig(1, ANY, ['number'], 'number'),
  dec_div: sig(2, 2, ['number'], 'number'),
  round: sig(1, 3, ['number', 'number', 'any'], 'number'),
  length: sig(1, 1, ['seq'], 'number'),
  sum: sig(1, 2, ['array', 'any'], 'number'),
  avg: sig(1, 2, ['array', 'any'], 'number'),
  min_of: sig(1, 2, ['array', 'any'], 'number'),
  max_of: sig(1, 2, ['array', 'any'], 'number'),
  tier: sig(2, 3, ['number', 'any'], 'special'),
};

export function argKind(signature: Signature, index: number): ArgKind {
  return signature.args[Math.min(index, signature.args.length - 1)] ?? 'any';
}

/** Units the date operators accept (operators/dates.ts). */
export const DATE_ADD_UNITS: readonly string[] = ['days', 'weeks', 'months', 'quarters', 'years'];
export const DATE_DIFF_UNITS: readonly string[] = ['days', 'months', 'years'];

/** Operators that read field paths from array items: `sum` & co. take the field as their 2nd argument. */
export const AGGREGATES: ReadonlySet<string> = new Set(['sum', 'avg', 'min_of', 'max_of']);
