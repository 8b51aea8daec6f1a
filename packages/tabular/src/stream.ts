/**
 * Streaming writers for exports of any size: the rows arrive page by page and the file leaves as
 * it is made, so memory holds about one page whatever the number of rows. The files are the
 * ones toCsv and toXlsx make of the same rows.
 */
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { Locale } from '@trellis/errors';
import ExcelJS from 'exceljs';
import { toCell } from './cells.js';
import { csvHead, csvRows } from './csv.js';
import { headerLabels, valueAt } from './rows.js';
import type { JsonObject, TabularColumn } from './types.js';
import { sheetName, type XlsxOptions } from './xlsx.js';

export type RowPages = AsyncIterable<readonly JsonObject[]>;

/** A CSV file (UTF-8 with BOM, CRLF) as a byte stream, one chunk per page. */
export function csvStream(columns: readonly TabularColumn[], pages: RowPages, locale: Locale): Readable {
  const encoder = new TextEncoder();
  return Readable.from((async function* chunks() {
    yield encoder.encode(csvHead(columns, locale));
    for await (const page of pages) {
      if (page.length > 0) yield encoder.encode(csvRows(columns, page));
    }
  })(), { objectMode: false });
}

/**
 * An XLSX workbook of one sheet through exceljs's streaming writer: each row is committed (written
 * out) as soon as it is added, strings are inline (no shared-string table kept in memory), and
 * the next page is read only once the reader has taken what was written (backpressure).
 */
export function xlsxStream(columns: readonly TabularColumn[], pages: RowPages, locale: Locale, options: XlsxOptions = {}): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const write = async () => {
    const sheet = workbook.addWorksheet(sheetName(options.sheetName));
    const header = sheet.addRow(headerLabels(columns, locale));
    header.font = { bold: true };
    header.commit();
    for await (const page of pages) {
      for (const row of page) sheet.addRow(columns.map((column) => toCell(valueAt(row, column.field)))).commit();
      if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
      if (out.destroyed) return; // the reader went away: stop reading pages
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
