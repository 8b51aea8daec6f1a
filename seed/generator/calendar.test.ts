import { describe, expect, it } from 'vitest';
import { addDays, completedQuarters, dayNumber, isoDay, quarterAt } from './calendar.js';

describe('calendar', () => {
  it('counts whole UTC days and back', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isoDay(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => dayNumber('2025-02-29')).toThrow(RangeError);
    expect(() => dayNumber('2025-1-1')).toThrow(RangeError);
  });

  it('knows quarter bounds', () => {
    expect(quarterAt(2024, 1)).toEqual({ year: 2024, quarter: 1, start: '2024-01-01', end: '2024-03-31' });
    expect(quarterAt(2025, 4)).toEqual({ year: 2025, quarter: 4, start: '2025-10-01', end: '2025-12-31' });
  });

  it('lists the completed quarters before a date, oldest first', () => {
    expect(completedQuarters('2026-01-15', 3).map((q) => `${q.year}-Q${q.quarter}`)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    expect(completedQuarters('2026-03-31', 1).map((q) => q.end)).toEqual(['2025-12-31']);
    expect(completedQuarters('2026-04-01', 1).map((q) => q.end)).toEqual(['2026-03-31']);
  });
});
