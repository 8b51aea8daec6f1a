import { describe, expect, it } from 'vitest';
import { comparisonPeriod, periodOf, periodRange } from './periods.js';
import { windowRange } from './windows.js';
import { isoOf } from './days.js';

describe('periods', () => {
  it('names the period of a date for every kind, a date-time by its UTC day', () => {
    expect(periodOf('2026-02-28', 'month')).toBe('2026-02');
    expect(periodOf('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-06-30', 'half')).toBe('2026-H1');
    expect(periodOf('2026-07-01', 'half')).toBe('2026-H2');
    expect(periodOf('2026-12-31', 'year')).toBe('2026');
    expect(periodOf('2026-03-31T23:30:00-05:00', 'quarter')).toBe('2026-Q2');
  });

  it('gives first and last day and length, leap years included', () => {
    expect(periodRange('2024-02')).toEqual({ id: '2024-02', kind: 'month', start: '2024-02-01', end: '2024-02-29', days: 29 });
    expect(periodRange('2026-Q1')).toEqual({ id: '2026-Q1', kind: 'quarter', start: '2026-01-01', end: '2026-03-31', days: 90 });
    expect(periodRange('2026-H2')).toEqual({ id: '2026-H2', kind: 'half', start: '2026-07-01', end: '2026-12-31', days: 184 });
    expect(periodRange('2024')).toEqual({ id: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31', days: 366 });
    expect(periodRange('0050-Q1').start).toBe('0050-01-01');
  });

  it('finds the previous period across year ends and the same period last year', () => {
    expect(comparisonPeriod('2026-Q1', 'previous')).toBe('2025-Q4');
    expect(comparisonPeriod('2026-01', 'previous')).toBe('2025-12');
    expect(comparisonPeriod('2026-H1', 'previous')).toBe('2025-H2');
    expect(comparisonPeriod('2026', 'previous')).toBe('2025');
    expect(comparisonPeriod('2026-Q3', 'previous')).toBe('2026-Q2');
    expect(comparisonPeriod('2026-Q3', 'same_last_year')).toBe('2025-Q3');
    expect(comparisonPeriod('2024-02', 'same_last_year')).toBe('2023-02');
  });

  it('covers windows: year to date from 1 January, all prior up to the day before', () => {
    const ytd = windowRange('2026-Q3', 'year_to_date');
    expect([isoOf(ytd.from), isoOf(ytd.to)]).toEqual(['2026-01-01', '2026-09-30']);
    const prior = windowRange('2026-Q3', 'all_prior');
    expect(prior.from).toBe(-Infinity);
    expect(isoOf(prior.to)).toBe('2026-06-30');
  });

  it('rejects ids that are not periods with INCENTIVE_BAD_PERIOD_ID', () => {
    for (const bad of ['2026-Q5', '2026-13', '2026-H3', '26-Q1', '2026Q1', '']) {
      expect(() => periodRange(bad), bad).toThrow(expect.objectContaining({ code: 'INCENTIVE_BAD_PERIOD_ID' }));
    }
  });
});
