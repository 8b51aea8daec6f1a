/**
 * A run's results for finance as CSV or XLSX (through @trellis/tabular, which neutralises cells a
 * spreadsheet would run as formulas): one row per program and subject, with its lines and inputs;
 * a correction run adds its adjustment lines on a second set of rows. The file is streamed.
 */
import type { Locale } from '@trellis/errors';
import type { Readable } from 'node:stream';
import { csvStream, xlsxStream, type JsonObject, type TabularColumn } from '@trellis/tabular';
import type { Sql } from '@trellis/storage';
import type { ExportFormat } from '../services/record-export.js';
import { runStore } from './store.js';
import type { StoredResult } from './types.js';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

const COLUMNS: readonly TabularColumn[] = [
  { field: 'kind', label: label('Kind', '类型') },
  { field: 'program', label: label('Program', '激励方案') },
  { field: 'programVersion', label: label('Program version', '方案版本') },
  { field: 'subject', label: label('Subject', '对象') },
  { field: 'eligible', label: label('Eligible', '符合资格') },
  { field: 'amount', label: label('Amount', '金额') },
  { field: 'currency', label: label('Currency', '币种') },
  { field: 'lines', label: label('Lines', '明细') },
  { field: 'inputs', label: label('Inputs', '输入') },
];

const KIND = { result: label('result', '结果'), adjustment: label('adjustment', '调整') };

function resultRow(r: StoredResult, locale: Locale): JsonObject {
  const lines = (r.lines as { id: string; amount: string }[]).map((l) => `${l.id}=${l.amount}`);
  return {
    kind: KIND.result[locale], program: r.program, programVersion: r.programVersion, subject: r.subject, eligible: r.eligible,
    amount: Number(r.amount), currency: r.currency, lines, inputs: r.inputs,
  };
}

type Page<T> = (after: { program: string; subject: string } | null) => Promise<T[]>;

/** Every row of a keyset-paged list, a page at a time. */
async function* keyset<T extends { program: string; subject: string }>(page: Page<T>): AsyncGenerator<T[]> {
  let after: { program: string; subject: string } | null = null;
  for (;;) {
    const rows = await page(after);
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1] as T;
    after = { program: last.program, subject: last.subject };
  }
}

/** The run's rows, a page at a time: results in (program, subject) order, then adjustment lines. */
async function* rowPages(sql: Sql, runId: string, locale: Locale, limit: number): AsyncGenerator<JsonObject[]> {
  const store = runStore(sql);
  for await (const page of keyset((after) => store.results(runId, { after, limit }))) yield page.map((r) => resultRow(r, locale));
  for await (const page of keyset((after) => store.adjustments(runId, { after, limit }))) {
    yield page.map((a) => ({ kind: KIND.adjustment[locale], program: a.program, subject: a.subject, amount: Number(a.amount), inputs: { paid: a.paid, due: a.due } }));
  }
}

/** The export as a byte stream: memory holds one page of results whatever the size of the run. */
export function exportRun(sql: Sql, runId: string, format: ExportFormat, locale: Locale, pageSize = 1000): Readable {
  const pages = rowPages(sql, runId, locale, pageSize);
  return format === 'csv' ? csvStream(COLUMNS, pages, locale) : xlsxStream(COLUMNS, pages, locale, { sheetName: label('Incentives', '激励核算')[locale] });
}
