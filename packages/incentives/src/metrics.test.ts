import { describe, expect, it } from 'vitest';
import type { ProgramDefinition, ProgramMetric } from '@trellis/definitions';
import { computeMetrics } from './metrics.js';
import { tieredProgram } from './testing/fixtures.js';

const text = { en: 'm', 'zh-CN': '指标' };
const metric = (m: Partial<ProgramMetric> & Pick<ProgramMetric, 'id'>): ProgramMetric => ({
  label: text, entity: 'result', subjectField: 'account', time: { field: 'period', kind: 'period' }, aggregate: 'sum', field: 'amount',
  window: 'current', ...m,
});
const withMetrics = (metrics: ProgramMetric[]): ProgramDefinition => tieredProgram({ metrics });

const results = [
  { account: 'A1', period: '2026-Q1', amount: 100.1, quota: 100, lines: [{ line: 'x', amount: 60.1 }, { line: 'y', amount: 40 }] },
  { account: 'A1', period: '2026-02', amount: 0.2 }, // a month inside the quarter counts
  { account: 'A1', period: '2025-Q4', amount: 50 },
  { account: 'A1', period: '2025-Q1', amount: 70 },
  { account: 'A1', period: '2024-Q3', amount: 5 },
  { account: 'A1', period: '2026', amount: 1000 }, // a year does not lie inside a quarter
  { account: 'A1', period: null, amount: 9 }, // no time: in no window
  { account: 'B2', period: '2026-Q1', amount: 999 },
];

describe('computeMetrics', () => {
  it('aggregates per window, decimal-exact, over one subject', () => {
    const program = withMetrics([
      metric({ id: 'current' }),
      metric({ id: 'previous', window: 'previous' }),
      metric({ id: 'last_year', window: 'same_last_year' }),
      metric({ id: 'ytd', window: 'year_to_date' }),
      metric({ id: 'prior', window: 'all_prior' }),
    ]);
    expect(computeMetrics(program, '2026-Q1', { result: results }, { subject: { code: 'A1' } })).toEqual({
      current: '100.3', previous: '50', last_year: '70', ytd: '100.3', prior: '125',
    });
  });

  it('counts, averages, takes min and max, ignoring missing values as SQL does', () => {
    const rows = [
      { account: 'A1', period: '2026-Q1', amount: 1 },
      { account: 'A1', period: '2026-Q1', amount: 2 },
      { account: 'A1', period: '2026-Q1', amount: null },
      { account: 'A1', period: '2026-Q1' },
    ];
    const program = withMetrics([
      metric({ id: 'rows', aggregate: 'count', field: undefined }),
      metric({ id: 'values', aggregate: 'count' }),
      metric({ id: 'avg', aggregate: 'avg' }),
      metric({ id: 'min', aggregate: 'min' }),
      metric({ id: 'max', aggregate: 'max' }),
      metric({ id: 'none', aggregate: 'avg', window: 'previous' }),
      metric({ id: 'zero', window: 'previous' }),
    ]);
    expect(computeMetrics(program, '2026-Q1', { result: rows })).toEqual({
      rows: '4', values: '2', avg: '1.5', min: '1', max: '2', none: null, zero: '0',
    });
  });

  it('filters and groups the items of an array field', () => {
    const program = withMetrics([
      metric({ id: 'by_line', items: 'lines', groupBy: 'line' }),
      metric({ id: 'x_only', items: 'lines', filter: { '==': [{ var: 'line' }, 'x'] } }),
    ]);
    expect(computeMetrics(program, '2026-Q1', { result: results }, { subject: { code: 'A1' } })).toEqual({
      by_line: { x: '60.1', y: '40' },
      x_only: '60.1',
    });
  });

  it('places records by date, a date-time by its UTC day', () => {
    const orders = [
      { account: 'A1', on: '2026-03-31T23:30:00-05:00', amount: 1 }, // 2026-04-01 UTC
      { account: 'A1', on: '2026-03-31', amount: 2 },
      { account: 'A1', on: '2026-01-01T00:00:00Z', amount: 4 },
    ];
    const program = withMetrics([metric({ id: 'q1', entity: 'order', time: { field: 'on', kind: 'date' } })]);
    expect(computeMetrics(program, '2026-Q1', { order: orders })).toEqual({ q1: '6' });
  });

  it('keeps amounts beyond float precision exact', () => {
    const big = [
      { account: 'A1', period: '2026-Q1', amount: '9007199254740993.01' },
      { account: 'A1', period: '2026-Q1', amount: '0.02' },
    ];
    expect(computeMetrics(withMetrics([metric({ id: 'sum' })]), '2026-Q1', { result: big })).toEqual({ sum: '9007199254740993.03' });
  });

  it('rejects values that are not numbers and times that are not dates or periods', () => {
    const program = withMetrics([metric({ id: 'sum' })]);
    expect(() => computeMetrics(program, '2026-Q1', { result: [{ period: '2026-Q1', amount: 'ten' }] }))
      .toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'INCENTIVE_NOT_A_NUMBER', path: 'metrics.0.field' })] }));
    expect(() => computeMetrics(program, '2026-Q1', { result: [{ period: 'Q1', amount: 1 }] }))
      .toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'INCENTIVE_BAD_PERIOD_ID', path: 'metrics.0.time.field' })] }));
  });
});
