import type { ProgramDefinition } from '@trellis/definitions';
import { decString, Dec, money, toDec } from './decimal.js';
import { evaluateProgram } from './evaluate.js';
import type { MetricScalar, MetricValue, MetricValues } from './metrics.js';
import type { EvaluateOptions, ProgramInput, ProgramResult } from './types.js';

/** A hypothetical metric: a value instead of the actual one, or an amount added to it ("if I sell X more"). */
export type MetricOverride = MetricValue | { readonly add: string | number };

export interface Calculation {
  /** what the program pays with the hypothetical numbers (before any program-wide cap) */
  readonly result: ProgramResult;
  /** what it pays with the actual numbers */
  readonly actual: ProgramResult;
  /** result.total − actual.total */
  readonly difference: string;
  /** the metrics that were changed: actual and hypothetical value */
  readonly changed: Readonly<Record<string, { readonly actual: MetricValue; readonly hypothetical: MetricValue }>>;
}

function isAdd(value: MetricOverride): value is { readonly add: string | number } {
  return value !== null && typeof value === 'object' && Object.keys(value).length === 1 && Object.prototype.hasOwnProperty.call(value, 'add');
}

function overridden(actual: MetricValue | undefined, override: MetricOverride, id: string): MetricValue {
  if (!isAdd(override)) return override;
  const base: MetricScalar = actual === undefined || actual === null || typeof actual === 'object' ? 0 : actual;
  return decString(toDec(base, `metrics.${id}`).plus(toDec(override.add, `hypothetical.${id}.add`)));
}

/**
 * The calculator: evaluateProgram with some metrics replaced, everything derived from them
 * (attainment, growth, the matched table row…) following, with the same explanation, next to the
 * actual payout. The same formula as a run, so the answer is what a run would pay for those numbers.
 */
export function calculate(program: ProgramDefinition, input: ProgramInput, hypothetical: Readonly<Record<string, MetricOverride>>,
  options: EvaluateOptions = { trace: true }): Calculation {
  const changed: Record<string, { actual: MetricValue; hypothetical: MetricValue }> = {};
  const metrics: Record<string, MetricValue> = { ...input.metrics };
  for (const [id, override] of Object.entries(hypothetical)) {
    const actual = input.metrics[id] ?? null;
    metrics[id] = overridden(actual, override, id);
    changed[id] = { actual, hypothetical: metrics[id] };
  }
  const actual = evaluateProgram(program, input, options);
  const result = evaluateProgram(program, { ...input, metrics: metrics as MetricValues }, options);
  const difference = money(toDec(result.total, 'total').minus(new Dec(actual.total)), program.rounding.scale);
  return { result, actual, difference, changed };
}
