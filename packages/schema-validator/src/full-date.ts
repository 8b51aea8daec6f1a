/**
 * The `date` format (RFC 3339 full-date) with exactly the answers of ajv-formats' "full" `date`,
 * without its regex match: that one allocates a match array and three substrings per value and
 * took a third of the time of validating a form with three dates. full-date.test.ts compares both
 * on every day of several years and on malformed and non-ASCII variants.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FormatDefinition } from 'ajv/dist/2020.js';

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DASH = 45;
const ZERO = 48;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * The number YYYYMMDD of a `YYYY-MM-DD` naming a day that exists (years 0000–9999, as in
 * ajv-formats), or -1. One loop reads the eight digits: written out digit by digit this took 4.6 kB
 * of machine code, and the form runtime's hot code (this, ajv and the rules' date comparisons,
 * which read dates with it too) must share the CPU's instruction cache.
 */
export function fullDateNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    // an ASCII digit (regex `\d` without the `u` flag)
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  const day = n % 100;
  const month = ((n / 100) | 0) % 100;
  if (month < 1 || month > 12 || day < 1) return -1;
  const year = (n / 10_000) | 0;
  return day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] as number)) ? n : -1;
}

export function isFullDate(text: string): boolean {
  return fullDateNumber(text) >= 0;
}

const fullDate = fullFormats.date as FormatDefinition<string>;

/** ajv-formats' `date` (its `compare` serves formatMinimum/formatMaximum) with the faster check. */
export const dateFormat: FormatDefinition<string> = { ...fullDate, validate: isFullDate };
