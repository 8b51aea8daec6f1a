/**
 * Importing rows (parsed and mapped from CSV/XLSX) as records: every row goes through the entity's
 * form and the importer's write permission, like a create; the report names each failing row and
 * field. Applying is all or nothing: one transaction, and only when no row has an error.
 */
import { TrellisError, type Problem } from '@trellis/errors';
import type { JsonObject } from '@trellis/storage';
import { serviceProblems } from './problems.js';
import { unknownOptions } from './record-options.js';
import { allow, checkNewRecord, insertChecked, type RecordContext } from './records.js';

/** A row as the mapping produced it: 1-based line number in the file, data, mapping problems. */
export interface MappedRow {
  readonly row: number;
  readonly data: Record<string, unknown>;
  readonly errors: readonly Problem[];
}

export interface RowErrors {
  readonly row: number;
  readonly errors: readonly Problem[];
}

export interface RecordImportReport {
  readonly entity: string;
  readonly dryRun: boolean;
  readonly total: number;
  readonly valid: number;
  readonly invalid: number;
  /** records created (0 on a dry run or when any row failed) */
  readonly created: number;
  readonly applied: boolean;
  /** the rows with errors, in file order; error paths are field paths of the row */
  readonly rows: readonly RowErrors[];
  /** problems of the file as a whole (e.g. a column that matches no field) */
  readonly problems: readonly Problem[];
}

export interface ImportOptions {
  readonly dryRun: boolean;
  /** called as rows are checked and stored, for progress reports */
  readonly progress?: (processed: number, total: number) => void;
}

/** The report's row errors as Problems with paths `rows.<row>.<field>` (the 422 of a refused apply). */
export function rowProblems(report: RecordImportReport): [Problem, ...Problem[]] {
  return [
    serviceProblems.importRejected(report.invalid + (report.problems.length > 0 ? 1 : 0)),
    ...report.problems,
    ...report.rows.flatMap((r) => r.errors.map((p) => ({ ...p, path: p.path === '' ? `rows.${r.row}` : `rows.${r.row}.${p.path}` }))),
  ];
}

export interface ImportInput {
  readonly rows: readonly MappedRow[];
  readonly problems: readonly Problem[];
}

export async function importRows(ctx: RecordContext, entityId: string, input: ImportInput, options: ImportOptions): Promise<RecordImportReport> {
  allow(ctx, 'import', entityId);
  const { rows } = input;
  const entity = ctx.model.entity(entityId);
  const failed: RowErrors[] = [];
  const valid: JsonObject[] = [];
  // checking is half the work, storing the other half
  const total = rows.length * (options.dryRun ? 1 : 2);
  let processed = 0;
  for (const row of rows) {
    let checked = row.errors.length > 0 ? { ok: false as const, problems: row.errors } : checkNewRecord(ctx, entity, row.data, 'import');
    if (checked.ok) {
      const unknown = await unknownOptions(ctx.storage.read, ctx, entity.definition, checked.data);
      if (unknown.length > 0) checked = { ok: false as const, problems: unknown };
    }
    if (checked.ok) valid.push(checked.data);
    else failed.push({ row: row.row, errors: checked.problems });
    options.progress?.(++processed, total);
  }
  const report = {
    entity: entityId, dryRun: options.dryRun, total: rows.length, valid: valid.length, invalid: failed.length, rows: failed, problems: input.problems,
  };
  if (options.dryRun) return { ...report, created: 0, applied: false };
  if (failed.length > 0 || input.problems.length > 0) throw new TrellisError(rowProblems({ ...report, created: 0, applied: false }));
  await ctx.storage.transaction(async (tx) => {
    for (const data of valid) {
      await insertChecked(tx, ctx, entity, data);
      options.progress?.(++processed, total);
    }
  });
  return { ...report, created: valid.length, applied: true };
}
