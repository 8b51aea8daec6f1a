import Decimal from 'decimal.js';
import { incentiveError, incentiveProblems } from './problems.js';

/**
 * The engine's own decimal.js constructor (so nobody else's settings leak in). 100 significant
 * digits: sums and products of money amounts are exact, and the one inexact step, dividing by a
 * number of days or a total (proration, caps, averages), is carried far beyond the places any
 * rounding looks at, so rounding the quotient gives what rounding the exact fraction would.
 */
export const Dec = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1000, toExpPos: 1000 });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);

/** Plain decimal notation only, as the rules package reads numeric strings. */
const NUMERIC_STRING = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function isNumeric(value: unknown): value is number | string {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMERIC_STRING.test(value));
}

/**
 * A number through its shortest round-trip string (0.1 is exactly 0.1, the number the author wrote),
 * a numeric string as written (amounts beyond float precision travel as strings).
 */
export function toDec(value: unknown, path: string): Dec {
  if (!isNumeric(value)) throw incentiveError(incentiveProblems.notNumber(path, value));
  return new Dec(String(value));
}

export const ROUNDING: Readonly<Record<string, Decimal.Rounding>> = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
};

/** Plain notation, never an exponent; -0 is 0. */
export function decString(value: Dec): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** An amount as the program pays it: exactly `scale` places. */
export function money(value: Dec, scale: number): string {
  return (value.isZero() ? ZERO : value).toFixed(scale);
}
