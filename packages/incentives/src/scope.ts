import type { ProgramDefinition } from '@trellis/definitions';
import type { JsonValue } from '@trellis/rules';
import { isNumeric, toDec, type Dec } from './decimal.js';
import type { MetricScalar, MetricValues } from './metrics.js';
import { incentiveError, incentiveProblems } from './problems.js';

/**
 * The data every rule of a program reads: metric and derived values at the top level (numbers for
 * rules), `$subject`, `$period`, `$context`; beside it the exact decimals of the same values, which
 * line bases are taken from so amounts stay exact beyond float precision.
 */
export class ProgramScope {
  readonly data: Record<string, unknown>;
  private readonly exact = new Map<string, Dec | null | 'not_scalar'>();

  constructor(reserved: { $subject: unknown; $period: unknown; $context: unknown }) {
    this.data = { ...reserved };
  }

  /** Each metric of the program from the given values; a missing one is INCENTIVE_MISSING_METRIC. */
  addMetrics(program: ProgramDefinition, metrics: MetricValues): void {
    for (const metric of program.metrics) {
      const at = `metrics.${metric.id}`;
      if (!Object.prototype.hasOwnProperty.call(metrics, metric.id)) throw incentiveError(incentiveProblems.missingMetric(at, metric.id));
      const value = metrics[metric.id];
      if (value !== null && typeof value === 'object') {
        this.data[metric.id] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ruleNumber(v, `${at}.${k}`)]));
        this.exact.set(metric.id, 'not_scalar');
      } else {
        this.data[metric.id] = ruleNumber(value ?? null, at);
        this.exact.set(metric.id, value === null || value === undefined ? null : toDec(value, at));
      }
    }
  }

  /** A derived value: numbers (and numeric strings) also count exactly, as their shortest decimal form. */
  addDerived(id: string, value: JsonValue): void {
    this.data[id] = value;
    this.exact.set(id, value === null ? null : isNumeric(value) ? toDec(value, id) : 'not_scalar');
  }

  /** The exact value of a metric or derived value, for a line's base. */
  exactValue(id: string, at: string): Dec {
    const value = this.exact.get(id);
    if (value === undefined) throw incentiveError(incentiveProblems.unknownValue(at, id));
    if (value === null || value === 'not_scalar') throw incentiveError(incentiveProblems.notNumber(at, this.data[id]));
    return value;
  }
}

/** Rules compare and compute with JSON numbers; a value too large for one is an error, not Infinity. */
function ruleNumber(value: MetricScalar, at: string): number | null {
  if (value === null) return null;
  const n = Number(toDec(value, at).toString());
  if (!Number.isFinite(n)) throw incentiveError(incentiveProblems.notNumber(at, value));
  return n;
}
