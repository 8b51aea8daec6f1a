import { describe, expect, it } from 'vitest';
import { addIsoDuration, addWorkingDays, isWorkingDay, localDate } from './time.js';
import { isValidCron, nextScheduledRun } from './schedule.js';

const CN = { utcOffsetMinutes: 480 };

describe('working days', () => {
  it('skips the weekend: Friday 10:00 + 1 working day is Monday 10:00, + 2 is Tuesday', () => {
    // 2026-03-06 is a Friday; 10:00 in UTC+8 is 02:00Z
    expect(addWorkingDays('2026-03-06T02:00:00.000Z', 1, CN)).toBe('2026-03-09T02:00:00.000Z');
    expect(addWorkingDays('2026-03-06T02:00:00.000Z', 2, CN)).toBe('2026-03-10T02:00:00.000Z');
  });

  it('counts from a Saturday to Monday', () => {
    expect(addWorkingDays('2026-03-07T01:00:00.000Z', 1, CN)).toBe('2026-03-09T01:00:00.000Z');
  });

  it('skips holidays passed in', () => {
    const calendar = { ...CN, holidays: ['2026-03-09'] };
    expect(isWorkingDay('2026-03-09', calendar)).toBe(false);
    expect(addWorkingDays('2026-03-06T02:00:00.000Z', 1, calendar)).toBe('2026-03-10T02:00:00.000Z');
  });

  it('uses the calendar offset for the day: 20:00Z on Friday is already Saturday in UTC+8', () => {
    expect(localDate('2026-03-06T20:00:00Z', CN)).toBe('2026-03-07');
    // Saturday 04:00 local + 1 working day = Monday 04:00 local = Sunday 20:00Z
    expect(addWorkingDays('2026-03-06T20:00:00.000Z', 1, CN)).toBe('2026-03-08T20:00:00.000Z');
  });
});

describe('ISO durations', () => {
  it('adds days, hours and months on the calendar', () => {
    expect(addIsoDuration('2026-03-06T02:00:00Z', 'P1DT2H')).toBe('2026-03-07T04:00:00.000Z');
    expect(addIsoDuration('2026-01-31T00:00:00Z', 'P1M')).toBe('2026-03-03T00:00:00.000Z');
    expect(addIsoDuration('2026-03-06T02:00:00Z', 'P1W')).toBe('2026-03-13T02:00:00.000Z');
  });

  it('rejects what is not a duration', () => {
    expect(() => addIsoDuration('2026-03-06T02:00:00Z', '2 days')).toThrow(RangeError);
  });
});

describe('schedules', () => {
  it('fires at the start of each quarter at the given local time', () => {
    const every = { on: 'schedule' as const, every: 'quarter' as const, at: '08:00' };
    expect(nextScheduledRun(every, '2026-02-10T00:00:00Z', CN)).toBe('2026-04-01T00:00:00.000Z');
    expect(nextScheduledRun(every, '2026-04-01T00:00:00.000Z', CN)).toBe('2026-07-01T00:00:00.000Z');
  });

  it('follows a cron expression', () => {
    const cron = { on: 'schedule' as const, cron: '30 9 * * 1-5' };
    // Friday 2026-03-06 10:00Z → Monday 09:30Z
    expect(nextScheduledRun(cron, '2026-03-06T10:00:00Z')).toBe('2026-03-09T09:30:00.000Z');
    expect(nextScheduledRun({ on: 'schedule', cron: '0 0 30 2 *' }, '2026-01-01T00:00:00Z')).toBeNull();
  });

  it('checks cron expressions', () => {
    expect(isValidCron('*/15 8-18 * * 1-5')).toBe(true);
    expect(isValidCron('61 * * * *')).toBe(false);
    expect(isValidCron('* * *')).toBe(false);
  });
});
