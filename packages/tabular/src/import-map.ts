import type { LocalizedText, Problem } from '@trellis/errors';
import { convertCell } from './convert.js';
import { fieldSchema, leafPaths } from './field-schema.js';
import { tabularProblems } from './problems.js';
import type { FieldSchema, JsonObject, JsonValue, ParsedTable } from './types.js';

/** Field labels by field path, as entity definitions give them (`fields.<path>.label`). */
export type FieldLabels = Readonly<Record<string, { readonly label?: LocalizedText } | undefined>>;

export interface ImportRow {
  /** the spreadsheet row number (the header is row 1) */
  readonly row: number;
  readonly data: JsonObject;
}

export interface ImportMapping {
  /** every row that converted without a problem */
  readonly rows: readonly ImportRow[];
  /** unknown columns and bad values; an all-or-nothing import applies nothing when there are any */
  readonly problems: readonly Problem[];
}

/** Headers compare without case, surrounding space or full-width forms. */
const normal = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** Header text → field path: every field by its path and by its label in either language. */
function headerIndex(schema: FieldSchema, labels: FieldLabels): Map<string, string> {
  const index = new Map<string, string>();
  const paths = [...new Set([...leafPaths(schema), ...Object.keys(schema.properties ?? {}), ...Object.keys(labels)])];
  for (const path of paths.filter((p) => fieldSchema(schema, p) !== undefined)) {
    const label = labels[path]?.label;
    for (const name of [path, label?.['zh-CN'], label?.en]) {
      if (name !== undefined && !index.has(normal(name))) index.set(normal(name), path);
    }
  }
  return index;
}

function setAt(data: JsonObject, path: string, value: JsonValue): void {
  const segments = path.split('.');
  const last = segments.pop() as string;
  let node = data;
  for (const segment of segments) {
    const next = node[segment];
    node = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : (node[segment] = {});
  }
  node[last] = value;
}

/**
 * Parsed rows as record data of an entity: columns matched to fields by id or label (zh-CN or en),
 * cells converted to the field's JSON type, blank cells left out. Each row is then the form runtime's
 * to validate, like a form submission.
 */
export function mapImportRows(entitySchema: FieldSchema, fieldLabels: FieldLabels, parsed: ParsedTable): ImportMapping {
  const index = headerIndex(entitySchema, fieldLabels);
  const problems: Problem[] = [];
  const columns = parsed.headers.flatMap((header, i) => {
    const field = index.get(normal(header));
    if (field === undefined) problems.push(tabularProblems.unknownColumn(i, header));
    return field === undefined ? [] : [{ header, field, schema: fieldSchema(entitySchema, field) as FieldSchema }];
  });
  const rows: ImportRow[] = [];
  parsed.rows.forEach((cells, i) => {
    const row = i + 2;
    const data: JsonObject = {};
    let good = true;
    for (const { header, field, schema } of columns) {
      const cell = cells[header] ?? null;
      if (cell === null || (typeof cell === 'string' && cell.trim() === '')) continue;
      const converted = convertCell(cell, schema, entitySchema);
      if (converted.ok) setAt(data, field, converted.value);
      else {
        good = false;
        problems.push(tabularProblems.badValue(row, header, field, cell, converted.expected));
      }
    }
    if (good) rows.push({ row, data });
  });
  return { rows, problems };
}
