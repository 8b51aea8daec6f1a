import { describe, expect, it } from 'vitest';
import { evaluateReference as run } from '../reference.js';
import { errorCode } from '../testing/error-code.js';
import type { JsonValue } from '../types.js';

describe('date operators', () => {
  it('canonicalises dates and date-times to their UTC calendar day', () => {
    expect(run({ date: '2026-03-31' })).toBe('2026-03-31');
    expect(run({ date: '2026-03-31T23:59:59Z' })).toBe('2026-03-31');
    expect(run({ date: '2026-03-31T23:30:00-05:00' })).toBe('2026-04-01');
    expect(run({ date: '2026-04-01T07:00:00+08:00' })).toBe('2026-03-31');
    expect(run({ date: '2026-03-31T10:00' })).toBe('2026-03-31');
    expect(run({ date: { var: '$today' } }, { $today: '2024-02-29' })).toBe('2024-02-29');
    expect(run({ date: '0000-01-01' })).toBe('0000-01-01');
    expect(run({ date_add: ['0099-12-31T12:00:00Z', 1, 'days'] })).toBe('0100-01-01');
  });

  it('rejects what is not an ISO date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-3-1', '2026', '20260331', '31/03/2026', 'today', '', 20260331, null, ['2026-01-01']]) {
      expect(errorCode(() => run({ date: [bad] }))).toBe('RULE_BAD_ARGUMENT');
    }
    expect(errorCode(() => run({ date: [] }))).toBe('RULE_BAD_ARGUMENT');
  });

  it('adds calendar units, clamping to the month end as date-fns does', () => {
    expect(run({ date_add: ['2026-01-31', 1, 'months'] })).toBe('2026-02-28');
    expect(run({ date_add: ['2024-01-31', 1, 'months'] })).toBe('2024-02-29');
    expect(run({ date_add: ['2026-03-31', -1, 'months'] })).toBe('2026-02-28');
    expect(run({ date_add: ['2024-02-29', 1, 'years'] })).toBe('2025-02-28');
    expect(run({ date_add: ['2026-11-30', 1, 'quarters'] })).toBe('2027-02-28');
    expect(run({ date_add: ['2026-12-31', 1, 'days'] })).toBe('2027-01-01');
    expect(run({ date_add: ['2026-03-01', -1, 'days'] })).toBe('2026-02-28');
    expect(run({ date_add: ['2026-03-31T22:00:00Z', 2, 'weeks'] })).toBe('2026-04-14');
  });

  it('rejects bad amounts and units', () => {
    const bad: [JsonValue, JsonValue][] = [[1.5, 'days'], ['1', 'days'], [null, 'days'], [1, 'day'], [1, 'hours'], [1, null], [1, 'constructor']];
    for (const [amount, unit] of bad) {
      expect(errorCode(() => run({ date_add: ['2026-01-01', amount, unit] }))).toBe('RULE_BAD_ARGUMENT');
    }
    expect(errorCode(() => run({ date_add: ['9999-12-31', 1, 'days'] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ date_add: ['2026-01-01', 1] }))).toBe('RULE_BAD_ARGUMENT');
  });

  it('counts whole units from → to, signed', () => {
    expect(run({ date_diff: ['2026-01-01', '2026-03-01', 'days'] })).toBe(59);
    expect(run({ date_diff: ['2026-03-01', '2026-01-01', 'days'] })).toBe(-59);
    expect(run({ date_diff: ['2026-01-15', '2026-03-14', 'months'] })).toBe(1);
    expect(run({ date_diff: ['2026-01-15', '2026-03-15', 'months'] })).toBe(2);
    expect(run({ date_diff: ['2026-01-31', '2026-02-28', 'months'] })).toBe(1);
    expect(run({ date_diff: ['2024-02-29', '2025-02-28', 'years'] })).toBe(0);
    expect(run({ date_diff: ['2024-02-29', '2026-03-01', 'years'] })).toBe(2);
    expect(run({ date_diff: ['2026-01-01', '2026-01-01', 'days'] })).toBe(0);
    expect(run({ date_diff: ['2026-03-31T23:00:00Z', '2026-04-01T01:00:00Z', 'days'] })).toBe(1);
    expect(errorCode(() => run({ date_diff: ['2026-01-01', '2026-02-01', 'weeks'] }))).toBe('RULE_BAD_ARGUMENT');
  });

  it('compares calendar days', () => {
    expect(run({ date_before: ['2026-03-30', '2026-03-31'] })).toBe(true);
    expect(run({ date_before: ['2026-03-31', '2026-03-31T12:00:00Z'] })).toBe(false);
    expect(run({ date_after: ['2026-04-01', '2026-03-31'] })).toBe(true);
    expect(run({ date_after: ['2026-03-31', '2026-03-31'] })).toBe(false);
    expect(run({ date_between: ['2026-01-01', '2026-01-01', '2026-03-31'] })).toBe(true);
    expect(run({ date_between: ['2026-03-31', '2026-01-01', '2026-03-31'] })).toBe(true);
    expect(run({ date_between: ['2026-04-01', '2026-01-01', '2026-03-31'] })).toBe(false);
    expect(run({ date_between: ['2025-12-31', '2026-01-01', '2026-03-31'] })).toBe(false);
    expect(errorCode(() => run({ date_before: ['2026-03-30', null] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ date_between: ['2026-03-30', '2026-01-01'] }))).toBe('RULE_BAD_ARGUMENT');
  });

  it('gives year, quarter and month', () => {
    expect(run({ quarter: '2026-03-31' })).toBe(1);
    expect(run({ quarter: '2026-04-01' })).toBe(2);
    expect(run({ quarter: '2026-12-31' })).toBe(4);
    expect(run({ month: '2026-01-01' })).toBe(1);
    expect(run({ month: '2026-12-31' })).toBe(12);
    expect(run({ year: '2026-12-31T23:30:00-01:00' })).toBe(2027);
    expect(errorCode(() => run({ year: 2026 }))).toBe('RULE_BAD_ARGUMENT');
  });

  it('does not depend on the machine time zone', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        expect(run({ date_add: ['2026-03-08', 1, 'days'] })).toBe('2026-03-09');
        expect(run({ date_diff: ['2026-03-01', '2026-04-01', 'days'] })).toBe(31);
        expect(run({ date: '2026-03-31T20:00:00Z' })).toBe('2026-03-31');
      }
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('plainDayNumber (the fast path of date comparisons)', () => {
  it('agrees with the general parser on every day from year 0 to 2500 and leaves other strings to it', async () => {
    const { plainDayNumber, toDay } = await import('./dates.js');
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    let checked = 0;
    for (let y = 0; y <= 2500; y += y < 1890 ? 97 : 1) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const fast = plainDayNumber(text);
          let general: number | null;
          try {
            general = toDay('date', text).getTime() / 86_400_000;
          } catch {
            general = null;
          }
          expect(fast, text).toBe(general);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200_000);
    for (const other of ['2026-03-31T10:00Z', '2026-3-31', '2026-03-3x', '+026-03-31', '2026/03/31']) {
      expect(plainDayNumber(other), other).toBeNull();
    }
  });

  it('compares plain dates and date-times alike', () => {
    expect(run({ date_before: ['2026-03-31', '2026-04-01T00:30:00+08:00'] })).toBe(false);
    expect(run({ date_after: ['2026-04-01T00:00:00Z', '2026-03-31'] })).toBe(true);
    expect(run({ date_between: ['2024-02-29', '2024-02-28', '2024-03-01T00:00:00Z'] })).toBe(true);
  });
});
