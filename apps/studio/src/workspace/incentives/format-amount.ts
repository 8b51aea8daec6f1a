import type { Locale } from '@trellis/errors';

/**
 * A decimal string as the locale writes money: grouping, the currency's sign, and every place the
 * engine gave (amounts come at the program's scale; raw, unrounded values may carry more).
 */
export function formatAmount(decimal: string, currency: string, locale: Locale): string {
  const places = decimal.includes('.') ? decimal.length - decimal.indexOf('.') - 1 : 0;
  const value = Number(decimal);
  if (!Number.isFinite(value)) return `${decimal} ${currency}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: Math.min(places, 2), maximumFractionDigits: Math.min(Math.max(places, 2), 20) }).format(value);
  } catch {
    // not an ISO 4217 code: the number in the locale's way, the code beside it
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value)} ${currency}`;
  }
}

/** A plain number (a metric or derived value) as the locale writes it; other values as they read. */
export function formatValue(value: unknown, locale: Locale): string {
  if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(Number(value));
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
