import type { Locale } from '@trellis/errors';

/**
 * Dates, numbers and money the way the reader's language writes them (Intl). Dates in records are
 * calendar dates (YYYY-MM-DD) and are shown as such, never shifted by the browser's time zone.
 */
export interface Formats {
  date(value: string): string;
  dateTime(value: string): string;
  number(value: number, fractionDigits?: number): string;
  money(value: number, currency?: string): string;
  percent(value: number): string;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formats(locale: Locale, defaultCurrency = 'CNY'): Formats {
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const money = new Map<string, Intl.NumberFormat>();
  return {
    date(value) {
      const match = DATE_ONLY.exec(value);
      const at = match === null ? new Date(value) : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return Number.isNaN(at.getTime()) ? value : date.format(at);
    },
    dateTime(value) {
      const at = new Date(value);
      return Number.isNaN(at.getTime()) ? value : dateTime.format(at);
    },
    number(value, fractionDigits) {
      return new Intl.NumberFormat(locale, fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
    },
    money(value, currency = defaultCurrency) {
      let format = money.get(currency);
      if (format === undefined) money.set(currency, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
      return format.format(value);
    },
    percent(value) {
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value);
    },
  };
}
