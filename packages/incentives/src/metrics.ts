import type { ProgramDefinition, ProgramMetric } from '@trellis/definitions';
import { lookupVar } from '@trellis/rules';
import { Dec, decString, toDec, ZERO } from './decimal.js';
import { parseDay, type DayRange } from './days.js';
import { predicateFn, type EvaluatorKind } from './evaluator.js';
import { periodDays } from './periods.js';
import { under } from './problems.js';
import { contains, windowRange } from './windows.js';

/** A metric's value: a decimal string (exact), null (avg/min/max of nothing), or one per group. */
export type MetricScalar = string | number | null;
export type MetricValue = MetricScalar | { readonly [group: string]: MetricScalar };
export type MetricValues = Readonly<Record<string, MetricValue>>;

/** Records by entity id. */
export type RecordsByEntity = Readonly<Record<string, readonly unknown[]>>;

export interface ComputeMetricsOptions {
  /** only records whose `subjectField` equals this subject's `subjectKey` count (else the caller passed one subject's records) */
  readonly subject?: unknown;
  readonly evaluator?: EvaluatorKind;
}

/** Whether a record lies in the window: its day, or its whole period, inside. Records without a time are outside. */
function inWindow(record: unknown, metric: ProgramMetric, window: DayRange, at: string): boolean {
  const value = lookupVar(record, metric.time.field, null);
  if (value === null || value === '') return false;
  if (metric.time.kind === 'date') {
    const day = parseDay(value, `${at}.time.field`);
    return day >= window.from && day <= window.to;
  }
  return contains(window, periodDays(value, `${at}.time.field`));
}

/** The rows a metric aggregates: the records themselves, or the items of their `items` array. */
function rowsOf(records: readonly unknown[], metric: ProgramMetric): readonly unknown[] {
  if (metric.items === undefined) return records;
  return records.flatMap((r) => {
    const items = lookupVar(r, metric.items, null);
    return Array.isArray(items) ? items : [];
  });
}

/**
 * SQL semantics, so the server may compute the same in SQL: null or missing values are ignored by
 * every aggregate but a fieldless count (which counts rows); sum of nothing is 0, avg/min/max of
 * nothing null; avg is sum ÷ count to 34 significant digits (half-even).
 */
function aggregate(rows: readonly unknown[], metric: ProgramMetric, at: string): string | null {
  if (metric.field === undefined) return String(rows.length);
  const values = rows.flatMap((row) => {
    const v = lookupVar(row, metric.field, null);
    return v === null ? [] : [toDec(v, `${at}.field`)];
  });
  switch (metric.aggregate) {
    case 'count': return String(values.length);
    case 'sum': return decString(values.reduce((a, b) => a.plus(b), ZERO));
    case 'avg': return averageOf(decString(values.reduce((a, b) => a.plus(b), ZERO)), values.length);
    case 'min': return values.length === 0 ? null : decString(Dec.min(...values));
    default: return values.length === 0 ? null : decString(Dec.max(...values));
  }
}

/** avg = exact sum ÷ count to 34 significant digits; null for no values (a server takes sum and count in SQL). */
export function averageOf(sum: string, count: number): string | null {
  return count === 0 ? null : decString(toDec(sum, 'sum').dividedBy(count).toSignificantDigits(34));
}

/** Group keys are the value as text; a missing value groups under "". */
function groupKey(row: unknown, field: string): string {
  const v = lookupVar(row, field, null);
  return v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

function computeMetric(metric: ProgramMetric, at: string, periodId: string, records: readonly unknown[], keep: (r: unknown) => boolean,
  evaluator: EvaluatorKind): MetricValue {
  const window = windowRange(periodId, metric.window);
  const inPeriod = records.filter((r) => keep(r) && inWindow(r, metric, window, at));
  const filter = metric.filter === undefined ? null : predicateFn(metric.filter, evaluator);
  const rows = rowsOf(inPeriod, metric).filter((row) => filter === null || under(`${at}.filter`, () => filter(row)));
  if (metric.groupBy === undefined) return aggregate(rows, metric, at);
  const groups = new Map<string, unknown[]>();
  for (const row of rows) {
    const key = groupKey(row, metric.groupBy);
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [row]);
    else members.push(row);
  }
  return Object.fromEntries([...groups].map(([key, members]) => [key, aggregate(members, metric, at)]));
}

/**
 * Every metric of a program for one period, from records in memory: the reference for what the
 * server computes in SQL, and what tests and the calculator use. Values are exact decimal strings.
 */
export function computeMetrics(program: ProgramDefinition, periodId: string, records: RecordsByEntity,
  options: ComputeMetricsOptions = {}): Record<string, MetricValue> {
  const evaluator = options.evaluator ?? 'compiled';
  const subjectKey = options.subject === undefined ? undefined : lookupVar(options.subject, program.subjectKey, null);
  return Object.fromEntries(program.metrics.map((metric, i) => {
    const keep = subjectKey === undefined ? () => true : (r: unknown) => lookupVar(r, metric.subjectField, null) === subjectKey;
    return [metric.id, computeMetric(metric, `metrics.${i}`, periodId, records[metric.entity] ?? [], keep, evaluator)];
  }));
}
