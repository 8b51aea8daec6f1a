import { UTCDate, utc } from '@date-fns/utc';
import {
  addDays, addMonths, addQuarters, addWeeks, addYears,
  differenceInDays, differenceInMonths, differenceInYears, isValid, parseISO,
} from 'date-fns';
import { fullDateNumber } from '@trellis/schema-validator';
import { badArgument, describe, expectArity } from './arguments.js';

/**
 * Dates are ISO 8601 strings: 'YYYY-MM-DD' or a full date-time ('YYYY-MM-DDTHH:mm[:ss[.sss]][Z|±HH:mm]').
 * A date-time stands for its calendar day in UTC (no offset = UTC); all arithmetic is on calendar days
 * in UTC, so results never depend on the machine's time zone, and there is no clock.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

const ADD = { days: addDays, weeks: addWeeks, months: addMonths, quarters: addQuarters, years: addYears } as const;
const DIFF = { days: differenceInDays, months: differenceInMonths, years: differenceInYears } as const;

/** The UTC calendar day of an ISO string, at 00:00 UTC. */
export function toDay(op: string, value: unknown): UTCDate {
  const parsed = typeof value === 'string' && ISO_DATE.test(value) ? parseISO(value, { in: utc }) : null;
  if (parsed === null || !isValid(parsed)) {
    throw badArgument(op, `expected an ISO 8601 date such as "2026-03-31", got ${describe(value)}`,
      `需要 ISO 8601 日期（如 "2026-03-31"），实际为 ${describe(value)}`);
  }
  // Not Date.UTC(y, m, d): it maps years 0–99 to 1900–1999.
  const day = new UTCDate(parsed.getTime());
  day.setUTCHours(0, 0, 0, 0);
  return day;
}

/** 'YYYY-MM-DD'; years outside 0000–9999 cannot be written that way, so they are an error. */
function formatDay(op: string, day: Date): string {
  const year = day.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) {
    throw badArgument(op, 'the resulting date is outside the years 0000–9999', '结果日期超出了 0000–9999 年的范围');
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)}`;
}

function unitOf<T extends object>(op: string, table: T, value: unknown): keyof T {
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value)) return value as keyof T;
  const names = Object.keys(table).join(', ');
  throw badArgument(op, `unit must be one of ${names}, got ${describe(value)}`, `单位必须是 ${names} 之一，实际为 ${describe(value)}`);
}

export function date(...args: unknown[]): string {
  expectArity('date', args, 1, 1);
  return formatDay('date', toDay('date', args[0]));
}

export function dateAdd(...args: unknown[]): string {
  expectArity('date_add', args, 3, 3);
  const day = toDay('date_add', args[0]);
  const amount = args[1];
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    throw badArgument('date_add', `the amount must be an integer, got ${describe(amount)}`, `数量必须是整数，实际为 ${describe(amount)}`);
  }
  const unit = unitOf('date_add', ADD, args[2]);
  return formatDay('date_add', ADD[unit](day, amount, { in: utc }));
}

export function dateDiff(...args: unknown[]): number {
  expectArity('date_diff', args, 3, 3);
  const from = toDay('date_diff', args[0]);
  const to = toDay('date_diff', args[1]);
  const unit = unitOf('date_diff', DIFF, args[2]);
  const n = DIFF[unit](to, from, { in: utc });
  return n === 0 ? 0 : n;
}

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a plain 'YYYY-MM-DD', computed from its digits, or null for anything else
 * (date-times, impossible days), which the general parser then accepts or rejects. Comparisons are
 * the hot path of eligibility and form rules, and date-fns parsing costs microseconds per call.
 */
export function plainDayNumber(value: string): number | null {
  const n = fullDateNumber(value);
  if (n < 0) return null;
  const d = n % 100;
  const m = ((n / 100) | 0) % 100;
  const y = (n / 10_000) | 0;
  // Count days from 0000-03-01 so that leap days fall at the end of each counted year.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yearOfEra = yy - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function dayNumber(op: string, value: unknown): number {
  const fast = typeof value === 'string' ? plainDayNumber(value) : null;
  return fast ?? toDay(op, value).getTime() / MS_PER_DAY;
}

/*
 * The comparisons are the hot path of eligibility and form rules: they read their arguments in
 * place (no per-call arrays), left to right, so the first bad argument is the one reported.
 */
export function dateBefore(...args: unknown[]): boolean {
  expectArity('date_before', args, 2, 2);
  return dayNumber('date_before', args[0]) < dayNumber('date_before', args[1]);
}

export function dateAfter(...args: unknown[]): boolean {
  expectArity('date_after', args, 2, 2);
  return dayNumber('date_after', args[0]) > dayNumber('date_after', args[1]);
}

export function dateBetween(...args: unknown[]): boolean {
  expectArity('date_between', args, 3, 3);
  const d = dayNumber('date_between', args[0]);
  const start = dayNumber('date_between', args[1]);
  const end = dayNumber('date_between', args[2]);
  return start <= d && d <= end;
}

function part(op: string, args: readonly unknown[]): UTCDate {
  expectArity(op, args, 1, 1);
  return toDay(op, args[0]);
}

export function year(...args: unknown[]): number {
  return part('year', args).getUTCFullYear();
}

export function quarter(...args: unknown[]): number {
  return Math.floor(part('quarter', args).getUTCMonth() / 3) + 1;
}

export function month(...args: unknown[]): number {
  return part('month', args).getUTCMonth() + 1;
}
