import { fail, type Locale, type Result } from '@trellis/errors';
import ExcelJS from 'exceljs';
import { toCell } from './cells.js';
import { TABULAR_LIMITS, type TabularLimits } from './limits.js';
import { tabularProblems } from './problems.js';
import { headerLabels, valueAt } from './rows.js';
import { tableOf } from './table.js';
import type { Cell, JsonObject, ParsedTable, TabularColumn } from './types.js';

export interface XlsxOptions {
  /** worksheet name; Excel allows 31 characters and none of : \ / ? * [ ] */
  readonly sheetName?: string;
}

export function sheetName(name: string | undefined): string {
  const cleaned = (name ?? 'Sheet1').replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/** An XLSX workbook of one sheet: numbers and booleans as typed cells, text neutralized. */
export async function toXlsx(
  columns: readonly TabularColumn[], rows: readonly JsonObject[], locale: Locale, options: XlsxOptions = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(options.sheetName));
  sheet.addRow(headerLabels(columns, locale));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => toCell(valueAt(row, column.field))));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A calendar date when the time is midnight (how spreadsheets store dates), else an ISO date-time. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A cell's value as text, number or boolean: formulas by their cached result, rich text as its text. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : cellValue(result);
  }
  if ('text' in value) return String(value.text);
  return null; // an error cell (#N/A…) holds no value
}

/** Reads the first worksheet of an XLSX file. */
export async function parseXlsx(bytes: Uint8Array, limits: TabularLimits = TABULAR_LIMITS): Promise<Result<ParsedTable>> {
  if (bytes.byteLength > limits.maxBytes) return fail([tabularProblems.tooLarge('bytes', limits.maxBytes)]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    return fail([tabularProblems.malformed('XLSX', error instanceof Error ? error.message : String(error))]);
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return fail([tabularProblems.empty()]);
  // rowCount counts formatted but empty rows too: a generous bound, checked before reading any cell
  if (sheet.actualRowCount > limits.maxRows + 1) return fail([tabularProblems.tooLarge('rows', limits.maxRows)]);
  if (sheet.actualColumnCount > limits.maxColumns) return fail([tabularProblems.tooLarge('columns', limits.maxColumns)]);
  const grid: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value);
    });
    grid.push(cells);
  });
  return tableOf(grid, limits);
}
