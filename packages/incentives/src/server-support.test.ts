/** What a server computing metrics in SQL relies on: windows as dates, avg from sum and count, eligibility alone. */
import { describe, expect, it } from 'vitest';
import { evaluateProgram, programEligible } from './evaluate.js';
import { averageOf } from './metrics.js';
import { tieredProgram } from './testing/fixtures.js';
import { windowDates } from './windows.js';

describe('server support', () => {
  it('gives each window as ISO dates, open before the period for all_prior', () => {
    expect(windowDates('2026-Q1', 'current')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(windowDates('2026-Q1', 'previous')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(windowDates('2026-Q1', 'same_last_year')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(windowDates('2026-05', 'year_to_date')).toEqual({ from: '2026-01-01', to: '2026-05-31' });
    expect(windowDates('2026-H2', 'all_prior')).toEqual({ from: null, to: '2026-06-30' });
  });

  it('averages an exact sum over a count to 34 significant digits, null for none', () => {
    expect(averageOf('10', 3)).toBe('3.333333333333333333333333333333333');
    expect(averageOf('7.5', 2)).toBe('3.75');
    expect(averageOf('0', 0)).toBeNull();
  });

  it('decides eligibility without metrics, as evaluateProgram does', () => {
    const program = tieredProgram();
    for (const status of ['open', 'closed']) {
      const subject = { code: 'a', status };
      const eligible = programEligible(program, { subject, period: '2026-Q1' });
      expect(eligible).toBe(status === 'open');
      expect(evaluateProgram(program, { subject, period: '2026-Q1', metrics: { revenue: 1, quota: 1 } }).eligible).toBe(eligible);
    }
  });
});
