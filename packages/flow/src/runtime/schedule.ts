import type { FlowTrigger } from '@trellis/definitions';
import type { WorkCalendar } from '../types.js';

type ScheduleTrigger = Extract<FlowTrigger, { on: 'schedule' }>;

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far ahead a cron expression is searched: one that never matches (Feb 30) yields null. */
const CRON_HORIZON_DAYS = 366 * 5;

function offset(calendar?: WorkCalendar): number {
  return (calendar?.utcOffsetMinutes ?? 0) * MINUTE;
}

const PERIOD_MONTHS = { month: 1, quarter: 3, year: 12 } as const;

/** The start of the next period after `after` (local wall clock), at the `at` time of day. */
function nextPeriodStart(trigger: ScheduleTrigger, every: NonNullable<ScheduleTrigger['every']>, after: number, calendar?: WorkCalendar): number {
  const [hours, minutes] = (trigger.at ?? '00:00').split(':').map(Number) as [number, number];
  const local = new Date(after + offset(calendar));
  const candidate = (base: Date): number => Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), hours, minutes) - offset(calendar);
  const first = (() => {
    const d = new Date(local);
    if (every === 'day') return d;
    if (every === 'week') return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY); // Monday
    const months = PERIOD_MONTHS[every];
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % months), 1));
  })();
  let at = candidate(first);
  for (let step = 1; at <= after; step += 1) {
    const next = new Date(first);
    if (every === 'day') next.setUTCDate(first.getUTCDate() + step);
    else if (every === 'week') next.setUTCDate(first.getUTCDate() + 7 * step);
    else next.setUTCMonth(first.getUTCMonth() + PERIOD_MONTHS[every] * step);
    at = candidate(next);
  }
  return at;
}

/** The values one cron field allows, or null when it is `*` (unrestricted). */
function cronField(text: string, min: number, max: number): Set<number> | null {
  if (text === '*') return null;
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    const [lo, hi] = range === '*' ? [min, max] : range.includes('-') ? range.split('-').map(Number) as [number, number] : [Number(range), stepText === undefined ? Number(range) : max];
    if (![lo, hi, step].every(Number.isInteger) || step < 1 || lo < min || hi > max || lo > hi) throw new RangeError(`bad cron field "${text}"`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return values;
}

function nextCron(expression: string, after: number, calendar?: WorkCalendar): number | null {
  const [m, h, dom, mon, dow] = expression.trim().split(/\s+/) as [string, string, string, string, string];
  const minutes = cronField(m, 0, 59);
  const hours = cronField(h, 0, 23);
  const days = cronField(dom, 1, 31);
  const months = cronField(mon, 1, 12);
  const weekdays = cronField(dow.replace(/\b7\b/g, '0'), 0, 6);
  const allow = (set: Set<number> | null, v: number): boolean => set === null || set.has(v);
  const localAfter = after + offset(calendar);
  const startDay = Date.UTC(new Date(localAfter).getUTCFullYear(), new Date(localAfter).getUTCMonth(), new Date(localAfter).getUTCDate());
  for (let i = 0; i < CRON_HORIZON_DAYS; i += 1) {
    const day = new Date(startDay + i * DAY);
    // as in cron: when both day fields are restricted, either may match
    const dayOk = days !== null && weekdays !== null
      ? days.has(day.getUTCDate()) || weekdays.has(day.getUTCDay())
      : allow(days, day.getUTCDate()) && allow(weekdays, day.getUTCDay());
    if (!dayOk || !allow(months, day.getUTCMonth() + 1)) continue;
    for (let hour = 0; hour < 24; hour += 1) {
      if (!allow(hours, hour)) continue;
      for (let minute = 0; minute < 60; minute += 1) {
        if (!allow(minutes, minute)) continue;
        const at = day.getTime() + (hour * 60 + minute) * MINUTE - offset(calendar);
        if (at > after) return at;
      }
    }
  }
  return null;
}

/**
 * When a scheduled start fires next, strictly after `after` (ISO), or null when it never does. The
 * server calls this after each run to plant the next schedule timer.
 */
export function nextScheduledRun(trigger: ScheduleTrigger, after: string, calendar?: WorkCalendar): string | null {
  const from = new Date(after).getTime();
  const at = trigger.cron !== undefined ? nextCron(trigger.cron, from, calendar) : nextPeriodStart(trigger, trigger.every ?? 'day', from, calendar);
  return at === null ? null : new Date(at).toISOString();
}

/** Whether a cron expression is one nextScheduledRun understands (save-time check). */
export function isValidCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  const bounds: [number, number][] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];
  try {
    fields.forEach((field, i) => cronField(field, ...(bounds[i] as [number, number])));
    return true;
  } catch {
    return false;
  }
}
