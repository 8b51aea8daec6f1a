import Decimal from 'decimal.js';
import { badArgument, describe } from './arguments.js';

/**
 * A private decimal.js constructor so no other user of decimal.js can change our settings.
 * 34 significant digits (IEEE decimal128) keeps every intermediate exact for money amounts;
 * inexact quotients (1/3) are rounded half-even at the 34th digit before becoming a JS number.
 */
export const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -7, toExpPos: 21 });
export type Dec = InstanceType<typeof Dec>;

/** Plain decimal notation only: no hex/binary prefixes, no "Infinity"/"NaN", no blanks. */
const NUMERIC_STRING = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Numbers go through their shortest round-trip string (String(0.1) is "0.1"), so the decimal is the
 * number the author wrote, not its binary approximation; numeric strings are accepted as written.
 */
export function toDecimal(op: string, value: unknown): Dec {
  if (typeof value === 'number' && Number.isFinite(value)) return new Dec(String(value));
  if (typeof value === 'string' && NUMERIC_STRING.test(value)) return new Dec(value);
  throw badArgument(op, `expected a number or numeric string, got ${describe(value)}`, `需要数字或数字字符串，实际为 ${describe(value)}`);
}

/** Converts back to the nearest JS number; fails rather than return Infinity, and never returns -0. */
export function toNumberResult(op: string, value: Dec): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) {
    throw badArgument(op, 'the result is too large for a number', '结果超出了数字的范围');
  }
  return n === 0 ? 0 : n;
}
