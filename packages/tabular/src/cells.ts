import type { Cell, JsonValue } from './types.js';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (and, in some, tab or carriage return)
 * as a formula, which an export must never let a record's text do (CSV/formula injection). Such
 * text gets a leading single quote, which the programs show as text and import strips again.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes neutralize on import: only a quote that precedes a formula character is ours. */
export function unneutralize(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** What separates array items in a cell; import also splits on the full-width semicolon and newlines. */
export const LIST_SEPARATOR = '; ';

function asText(value: JsonValue): string {
  if (Array.isArray(value)) return value.map((item) => (item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item))).join(LIST_SEPARATOR);
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * A record value as a cell: numbers and booleans stay typed (XLSX stores them natively), dates stay
 * ISO 8601 text, arrays are joined, objects are JSON, and every text is neutralized.
 */
export function toCell(value: JsonValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return neutralize(asText(value));
}
