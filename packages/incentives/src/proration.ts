import type { ProgramProration } from '@trellis/definitions';
import { lookupVar } from '@trellis/rules';
import { isoOf, parseDay, type DayRange } from './days.js';
import type { ProrationExplanation } from './types.js';

/**
 * Days active ÷ days in the period, kept as the exact fraction: active days are the days of the
 * period from the subject's `from` date to its `to` date, both inclusive (a missing date leaves that
 * side open; never below 0).
 */
export function prorationOf(proration: ProgramProration, subject: unknown, period: DayRange): ProrationExplanation {
  const read = (path: string | undefined, at: string): number | null => {
    const value = path === undefined ? null : lookupVar(subject, path, null);
    return value === null || value === '' ? null : parseDay(value, at);
  };
  const from = read(proration.from, 'proration.from');
  const to = read(proration.to, 'proration.to');
  const first = Math.max(period.from, from ?? period.from);
  const last = Math.min(period.to, to ?? period.to);
  const activeDays = Math.max(0, last - first + 1);
  const periodDays = period.to - period.from + 1;
  return {
    from: from === null ? null : isoOf(from),
    to: to === null ? null : isoOf(to),
    activeDays,
    periodDays,
    factor: `${activeDays}/${periodDays}`,
  };
}
