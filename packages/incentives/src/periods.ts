import type { ProgramPeriod } from '@trellis/definitions';
import { dayOf, isoOf, parseDay, type DayRange } from './days.js';
import { incentiveError, incentiveProblems } from './problems.js';
import { remembered } from './remembered.js';

export type PeriodKind = ProgramPeriod;
export type Comparison = 'previous' | 'same_last_year';

/** A period as rules see it (`$period`) and as results name it. */
export interface PeriodInfo {
  readonly id: string;
  readonly kind: PeriodKind;
  /** first day, ISO date */
  readonly start: string;
  /** last day (inclusive), ISO date */
  readonly end: string;
  readonly days: number;
}

interface ParsedPeriod {
  readonly kind: PeriodKind;
  readonly year: number;
  /** 1-based: month 1–12, quarter 1–4, half 1–2, year 1 */
  readonly index: number;
}

const MONTHS: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, half: 6, year: 12 };
const PERIOD_ID = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-H([12]))?$/;

function parsePeriod(periodId: unknown, path = 'period'): ParsedPeriod {
  const match = typeof periodId === 'string' ? PERIOD_ID.exec(periodId) : null;
  if (match === null) throw incentiveError(incentiveProblems.badPeriodId(path, periodId));
  const year = Number(match[1]);
  if (match[2] !== undefined) return { kind: 'month', year, index: Number(match[2]) };
  if (match[3] !== undefined) return { kind: 'quarter', year, index: Number(match[3]) };
  if (match[4] !== undefined) return { kind: 'half', year, index: Number(match[4]) };
  return { kind: 'year', year, index: 1 };
}

function formatPeriod({ kind, year, index }: ParsedPeriod): string {
  const y = String(year).padStart(4, '0');
  switch (kind) {
    case 'month': return `${y}-${String(index).padStart(2, '0')}`;
    case 'quarter': return `${y}-Q${index}`;
    case 'half': return `${y}-H${index}`;
    default: return y;
  }
}

function daysOf({ kind, year, index }: ParsedPeriod): DayRange {
  const firstMonth = (index - 1) * MONTHS[kind] + 1;
  // day 0 of the month after the last is the last day of the period
  return { from: dayOf(year, firstMonth, 1), to: dayOf(year, firstMonth + MONTHS[kind], 0) };
}

export function periodKind(periodId: string): PeriodKind {
  return parsePeriod(periodId).kind;
}

/** The period of `kind` holding a date (ISO date or date-time, by its UTC day). */
export function periodOf(date: string, kind: PeriodKind): string {
  const iso = isoOf(parseDay(date, 'date'));
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return formatPeriod({ kind, year, index: Math.ceil(month / MONTHS[kind]) });
}

const rangeOf = remembered((periodId): PeriodInfo => {
  const parsed = parsePeriod(periodId);
  const { from, to } = daysOf(parsed);
  return Object.freeze({ id: formatPeriod(parsed), kind: parsed.kind, start: isoOf(from), end: isoOf(to), days: to - from + 1 });
});

/** First and last day (inclusive) and length of a period (shared: not to be mutated). */
export function periodRange(periodId: string): PeriodInfo {
  return rangeOf(periodId);
}

/** The period before (2026-Q1 → 2025-Q4), or the same period a year earlier (2026-Q1 → 2025-Q1). */
export function comparisonPeriod(periodId: string, comparison: Comparison): string {
  const p = parsePeriod(periodId);
  if (comparison === 'same_last_year') return formatPeriod({ ...p, year: p.year - 1 });
  const perYear = 12 / MONTHS[p.kind];
  return formatPeriod(p.index > 1 ? { ...p, index: p.index - 1 } : { ...p, year: p.year - 1, index: perYear });
}

const daysOfId = remembered((periodId) => Object.freeze(daysOf(parsePeriod(periodId))));

/** The days of a period id, as a range (used for records that carry a period instead of a date). */
export function periodDays(periodId: unknown, path: string): DayRange {
  // a bad id throws naming `path`, so only good ones go through the shared cache
  return typeof periodId === 'string' && PERIOD_ID.test(periodId) ? daysOfId(periodId) : daysOf(parsePeriod(periodId, path));
}
