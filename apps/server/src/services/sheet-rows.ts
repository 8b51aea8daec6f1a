/**
 * An uploaded CSV or XLSX file as rows of record data for an entity (@trellis/tabular parses and
 * maps). Problems of the whole file (unreadable, a column matching no field) come apart from the
 * problems of single rows, so the import report can name the row of each.
 */
import type { EntityDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { mapImportRows, parseCsv, parseXlsx, type FieldLabels, type FieldSchema } from '@trellis/tabular';
import { serviceProblems } from './problems.js';
import type { MappedRow } from './record-import.js';

export interface SheetRows {
  readonly rows: readonly MappedRow[];
  /** problems of the file as a whole: nothing can be imported while there are any */
  readonly problems: readonly Problem[];
}

// XLSX is a zip archive: its first bytes say so whatever the file is called
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

async function parse(bytes: Uint8Array, filename: string) {
  if (isZip(bytes)) return parseXlsx(bytes);
  if (/\.(xlsx|xls)$/i.test(filename)) return { ok: false as const, problems: [serviceProblems.unsupportedSheet(filename)] };
  return parseCsv(bytes);
}

const ROW_PATH = /^rows\.(\d+)(?:\.(.*))?$/;

export async function sheetRows(bytes: Uint8Array, filename: string, definition: EntityDefinition): Promise<SheetRows> {
  const parsed = await parse(bytes, filename);
  if (!parsed.ok) return { rows: [], problems: parsed.problems };
  const mapping = mapImportRows(definition.schema as FieldSchema, (definition.fields ?? {}) as FieldLabels, parsed.value);
  const fileProblems: Problem[] = [];
  const rowErrors = new Map<number, Problem[]>();
  for (const p of mapping.problems) {
    const match = ROW_PATH.exec(p.path);
    if (match === null) {
      fileProblems.push(p);
      continue;
    }
    const row = Number(match[1]);
    rowErrors.set(row, [...(rowErrors.get(row) ?? []), { ...p, path: match[2] ?? '' }]);
  }
  const rows: MappedRow[] = [
    ...mapping.rows.map((r) => ({ row: r.row, data: r.data, errors: [] })),
    ...[...rowErrors].map(([row, errors]) => ({ row, data: {}, errors })),
  ].sort((a, b) => a.row - b.row);
  return { rows, problems: fileProblems };
}
