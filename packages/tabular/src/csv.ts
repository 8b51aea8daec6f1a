import { fail, type Result } from '@trellis/errors';
import Papa from 'papaparse';
import { toCell } from './cells.js';
import { TABULAR_LIMITS, type TabularLimits } from './limits.js';
import { tabularProblems } from './problems.js';
import { headerLabels, valueAt } from './rows.js';
import { tableOf } from './table.js';
import type { Cell, JsonObject, ParsedTable, TabularColumn } from './types.js';
import type { Locale } from '@trellis/errors';

const UTF8_BOM = '\uFEFF';

/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads Chinese as the
 * system code page), CRLF line ends, every field quoted as needed by papaparse.
 */
export function toCsv(columns: readonly TabularColumn[], rows: readonly JsonObject[], locale: Locale): Uint8Array {
  return new TextEncoder().encode(csvHead(columns, locale) + csvRows(columns, rows));
}

/** The start of a CSV file: the byte-order mark and the header line (csvRows puts the line ends). */
export function csvHead(columns: readonly TabularColumn[], locale: Locale): string {
  return UTF8_BOM + unparse([headerLabels(columns, locale)]);
}

/** More lines of the file, each preceded by its line end ("" for no rows), quoted as needed. */
export function csvRows(columns: readonly TabularColumn[], rows: readonly JsonObject[]): string {
  return rows.length === 0 ? '' : `\r\n${unparse(rows.map((row) => columns.map((column) => toCell(valueAt(row, column.field)))))}`;
}

const unparse = (grid: Cell[][]) => Papa.unparse(grid.map((line) => line.map((cell) => (cell === null ? '' : String(cell)))), { newline: '\r\n' });

/**
 * Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), and
 * otherwise GB18030, a superset of the GBK that Chinese Excel writes by default. TextDecoder has
 * all of them in Node and in browsers.
 */
export function decodeText(bytes: Uint8Array): string {
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a UTF-8 BOM
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads a CSV (or tab-separated) file: delimiter detected, values as text, blank cells null. */
export function parseCsv(bytes: Uint8Array, limits: TabularLimits = TABULAR_LIMITS): Result<ParsedTable> {
  if (bytes.byteLength > limits.maxBytes) return fail([tabularProblems.tooLarge('bytes', limits.maxBytes)]);
  const text = decodeText(bytes);
  if (text.includes('\u0000')) return fail([tabularProblems.malformed('CSV', 'binary content')]);
  // one row past the limit is enough to know it is too many; the header is the first row
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: limits.maxRows + 2 });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal !== undefined) return fail([tabularProblems.malformed('CSV', `${fatal.message} (row ${fatal.row === undefined ? '?' : fatal.row + 1})`)]);
  return tableOf(parsed.data, limits);
}
