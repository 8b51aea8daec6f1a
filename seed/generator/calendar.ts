/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') as whole UTC days, so generated data never
 * depends on the machine's time zone or clock: every date is derived from the reference date.
 */
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date; anything else is a caller error. */
export function dayNumber(iso: string): number {
  const match = ISO_DAY.exec(iso);
  if (match === null) throw new RangeError(`expected an ISO date such as "2026-01-15", got ${JSON.stringify(iso)}`);
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const day = ms / DAY_MS;
  if (isoDay(day) !== iso) throw new RangeError(`not a calendar date: ${JSON.stringify(iso)}`);
  return day;
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoDay(dayNumber(iso) + days);
}

export function minDay(a: string, b: string): string {
  return a <= b ? a : b;
}

export interface Quarter {
  readonly year: number;
  readonly quarter: number;
  /** first day, ISO */
  readonly start: string;
  /** last day, ISO */
  readonly end: string;
}

export function quarterAt(year: number, quarter: number): Quarter {
  const startMonth = (quarter - 1) * 3;
  const start = isoDay(Date.UTC(year, startMonth, 1) / DAY_MS);
  const end = isoDay(Date.UTC(year, startMonth + 3, 1) / DAY_MS - 1);
  return { year, quarter, start, end };
}

/** The `count` complete quarters before the quarter containing `iso`, oldest first. */
export function completedQuarters(iso: string, count: number): Quarter[] {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  let index = y * 4 + Math.floor((m - 1) / 3) - count;
  const quarters: Quarter[] = [];
  for (let i = 0; i < count; i++, index++) quarters.push(quarterAt(Math.floor(index / 4), (index % 4) + 1));
  return quarters;
}
