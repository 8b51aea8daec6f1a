import Decimal from 'decimal.js';
import { badArgument, describe, expectArity } from './arguments.js';
import { Dec, toDecimal, toNumberResult } from './decimal-value.js';

/** Rounding modes of `round`, by the name rules use. half_up is the default for money. */
export const ROUNDING_MODES = {
  half_up: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
} as const satisfies Record<string, Decimal.Rounding>;
export type RoundingMode = keyof typeof ROUNDING_MODES;

export const MAX_ROUND_PLACES = 20;

function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ROUNDING_MODES, value);
}

function decimals(op: string, args: readonly unknown[]): Dec[] {
  return args.map((a) => toDecimal(op, a));
}

/**
 * Safe integers add, subtract and multiply exactly in binary too, so when every argument and the
 * result are safe integers the answer is the decimal one without building Decimals (the common case
 * of counts and whole-yuan amounts). Anything else returns null and goes through decimal.js.
 */
function integerFold(args: readonly unknown[], step: (acc: number, x: number) => number): number | null {
  let acc = args[0];
  if (!Number.isSafeInteger(acc)) return null;
  for (let i = 1; i < args.length; i++) {
    const x = args[i];
    if (!Number.isSafeInteger(x)) return null;
    acc = step(acc as number, x as number);
    if (!Number.isSafeInteger(acc)) return null;
  }
  return acc === 0 ? 0 : (acc as number);
}

export function decAdd(...args: unknown[]): number {
  expectArity('dec_add', args, 1, Infinity);
  const exact = integerFold(args, (a, b) => a + b);
  if (exact !== null) return exact;
  return toNumberResult('dec_add', Dec.sum(...decimals('dec_add', args)));
}

export function decSub(...args: unknown[]): number {
  expectArity('dec_sub', args, 2, 2);
  const exact = integerFold(args, (a, b) => a - b);
  if (exact !== null) return exact;
  const [a, b] = decimals('dec_sub', args) as [Dec, Dec];
  return toNumberResult('dec_sub', a.minus(b));
}

export function decMul(...args: unknown[]): number {
  expectArity('dec_mul', args, 1, Infinity);
  const exact = integerFold(args, (a, b) => a * b);
  if (exact !== null) return exact;
  const [first, ...rest] = decimals('dec_mul', args) as [Dec, ...Dec[]];
  return toNumberResult('dec_mul', rest.reduce((acc, d) => acc.times(d), first));
}

export function decDiv(...args: unknown[]): number {
  expectArity('dec_div', args, 2, 2);
  const [x, y] = args;
  // A whole quotient of safe integers is exact in binary as well.
  if (Number.isSafeInteger(x) && Number.isSafeInteger(y) && y !== 0 && (x as number) % (y as number) === 0) {
    const q = (x as number) / (y as number);
    return q === 0 ? 0 : q;
  }
  const [a, b] = decimals('dec_div', args) as [Dec, Dec];
  if (b.isZero()) throw badArgument('dec_div', 'division by zero', '除数为零');
  return toNumberResult('dec_div', a.dividedBy(b));
}

export function round(...args: unknown[]): number {
  expectArity('round', args, 1, 3);
  const x = toDecimal('round', args[0]);
  const places = args.length > 1 ? args[1] : 0;
  const mode = args.length > 2 ? args[2] : 'half_up';
  if (typeof places !== 'number' || !Number.isInteger(places) || places < 0 || places > MAX_ROUND_PLACES) {
    throw badArgument('round', `places must be an integer from 0 to ${MAX_ROUND_PLACES}, got ${describe(places)}`,
      `小数位数必须是 0 到 ${MAX_ROUND_PLACES} 的整数，实际为 ${describe(places)}`);
  }
  if (!isRoundingMode(mode)) {
    const names = Object.keys(ROUNDING_MODES).join(', ');
    throw badArgument('round', `mode must be one of ${names}, got ${describe(mode)}`, `舍入方式必须是 ${names} 之一，实际为 ${describe(mode)}`);
  }
  return toNumberResult('round', x.toDecimalPlaces(places, ROUNDING_MODES[mode]));
}
