import { customOperators } from '@trellis/rules';
import { incentiveError, incentiveProblems } from './problems.js';
import { remembered } from './remembered.js';

/**
 * Calendar days as integers (days since 1970-01-01, UTC), so ranges and day counts are exact integer
 * arithmetic. Dates are read with the rules' own `date` operator: the same ISO forms rules accept,
 * a date-time standing for its UTC day.
 */
const MS_PER_DAY = 86_400_000;

/** Month and day may overflow (day 0 is the last day of the month before), as Date.UTC allows. */
export function dayOf(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999
  return new Date(0).setUTCFullYear(year, month - 1, day) / MS_PER_DAY;
}

export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function dayOfDate(value: unknown): number {
  const iso = customOperators.date(value) as string;
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Records of a period carry few distinct dates, each read once. */
const dayOfText = remembered(dayOfDate, 4096);

/** The day of an ISO date or date-time; INCENTIVE_BAD_DATE (at `path`) for anything else. */
export function parseDay(value: unknown, path: string): number {
  try {
    return typeof value === 'string' ? dayOfText(value) : dayOfDate(value);
  } catch {
    throw incentiveError(incentiveProblems.badDate(path, value));
  }
}

/** Inclusive range of days; `from` may be -Infinity (everything before). */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}
