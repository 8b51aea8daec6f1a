import type { FlowDuration } from '@trellis/definitions';
import type { WorkCalendar } from '../types.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const ISO_DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Calendar arithmetic in the calendar's fixed UTC offset: a "local" Date here is a UTC Date shifted
 * by the offset, so its getUTC* fields read as local wall-clock values. Fixed offsets are enough for
 * the zones this serves (China has no daylight saving); times go back out as UTC ISO strings.
 */
function toLocal(iso: string, calendar: WorkCalendar | undefined): Date {
  return new Date(new Date(iso).getTime() + (calendar?.utcOffsetMinutes ?? 0) * MINUTE);
}

function fromLocal(local: Date, calendar: WorkCalendar | undefined): string {
  return new Date(local.getTime() - (calendar?.utcOffsetMinutes ?? 0) * MINUTE).toISOString();
}

/** `YYYY-MM-DD` of a local Date. */
function dayOf(local: Date): string {
  return local.toISOString().slice(0, 10);
}

/** The calendar date of an instant, in the calendar's offset (`$today` of rules). */
export function localDate(iso: string, calendar?: WorkCalendar): string {
  return dayOf(toLocal(iso, calendar));
}

export function isWorkingDay(day: string, calendar?: WorkCalendar): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !(calendar?.holidays ?? []).includes(day);
}

/**
 * `days` working days after `iso`, same wall-clock time: each step goes to the next calendar day
 * and counts only when that day is a working day (Friday 10:00 + 1 → Monday 10:00; a task opened on
 * Saturday is due on Monday with 1).
 */
export function addWorkingDays(iso: string, days: number, calendar?: WorkCalendar): string {
  const local = toLocal(iso, calendar);
  let counted = 0;
  while (counted < days) {
    local.setTime(local.getTime() + DAY);
    if (isWorkingDay(dayOf(local), calendar)) counted += 1;
  }
  return fromLocal(local, calendar);
}

/** Adds an ISO 8601 duration: years, months and days on the local calendar, then the time part. */
export function addIsoDuration(iso: string, duration: string, calendar?: WorkCalendar): string {
  const match = ISO_DURATION.exec(duration);
  if (match === null) throw new RangeError(`not an ISO 8601 duration: ${duration}`);
  const [y, mo, w, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number];
  const local = toLocal(iso, calendar);
  local.setUTCFullYear(local.getUTCFullYear() + y, local.getUTCMonth() + mo, local.getUTCDate() + w * 7 + d);
  local.setTime(local.getTime() + ((h * 60 + mi) * 60 + s) * 1000);
  return fromLocal(local, calendar);
}

export function addDuration(iso: string, duration: FlowDuration, calendar?: WorkCalendar): string {
  return 'workingDays' in duration ? addWorkingDays(iso, duration.workingDays, calendar) : addIsoDuration(iso, duration.iso, calendar);
}

/** Normalises a date (`YYYY-MM-DD`, local midnight) or a date-time to a UTC ISO instant, or null. */
export function instantOf(value: unknown, calendar?: WorkCalendar): string | null {
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return fromLocal(new Date(`${value}T00:00:00Z`), calendar);
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function isAfter(a: string, b: string): boolean {
  return new Date(a).getTime() > new Date(b).getTime();
}
