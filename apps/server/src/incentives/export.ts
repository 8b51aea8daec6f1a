/**
 * A run's results for finance as CSV or XLSX (through @trellis/tabular, which neutralises cells a
 * spreadsheet would run as formulas): one row per program and subject, with its lines and inputs;
 * a correction run adds its adjustment lines on a second set of rows.
 */
import type { Locale } from '@trellis/errors';
import { toCsv, toXlsx, type JsonObject, type TabularColumn } from '@trellis/tabular';
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

export async function exportRun(sql: Sql, runId: string, format: ExportFormat, locale: Locale): Promise<Uint8Array> {
  const store = runStore(sql);
  const rows: JsonObject[] = [];
  let after: { program: string; subject: string } | null = null;
  for (;;) {
    const page = await store.results(runId, { after, limit: 2000 });
    if (page.length === 0) break;
    rows.push(...page.map((r) => resultRow(r, locale)));
    const last = page[page.length - 1] as StoredResult;
    after = { program: last.program, subject: last.subject };
  }
  for (const a of await store.adjustments(runId)) {
    rows.push({ kind: KIND.adjustment[locale], program: a.program, subject: a.subject, amount: Number(a.amount), inputs: { paid: a.paid, due: a.due } });
  }
  return format === 'csv' ? toCsv(COLUMNS, rows, locale) : toXlsx(COLUMNS, rows, locale, { sheetName: label('Incentives', '激励核算')[locale] });
}
