import { unneutralize } from './cells.js';
import { deref, typesOf } from './field-schema.js';
import type { Cell, FieldSchema, JsonValue } from './types.js';

/** A converted value, or the kind of value that was expected instead. */
export type Converted = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly expected: string };

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '真', '对']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '假', '错']);

/** 2026-03-01, 2026/3/1 (what Excel writes for Chinese locales) or 2026年3月1日 → 2026-03-01. */
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

const text = (cell: Exclude<Cell, null>) => (typeof cell === 'string' ? unneutralize(cell) : String(cell));

function toNumber(cell: Exclude<Cell, null>, integer: boolean): JsonValue | undefined {
  // thousands separators and full-width digits are how spreadsheets and IMEs often write numbers
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.normalize('NFKC').replace(/[,\s]/g, '')) : NaN;
  if (typeof cell === 'string' && cell.trim() === '') return undefined;
  return Number.isFinite(n) && (!integer || Number.isInteger(n)) ? n : undefined;
}

function toBoolean(cell: Exclude<Cell, null>): JsonValue | undefined {
  if (typeof cell === 'boolean') return cell;
  const word = String(cell).trim().toLowerCase();
  return TRUE.has(word) ? true : FALSE.has(word) ? false : undefined;
}

function toText(cell: Exclude<Cell, null>, format: unknown): JsonValue | undefined {
  const value = text(cell);
  if (format !== 'date') return value;
  const match = DATE.exec(value.normalize('NFKC').trim());
  if (match === null) return undefined;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function toObject(cell: Exclude<Cell, null>): JsonValue | undefined {
  try {
    const parsed = JSON.parse(text(cell)) as JsonValue;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function toList(cell: Exclude<Cell, null>, items: FieldSchema | undefined, root: FieldSchema): JsonValue | undefined {
  const parts = typeof cell === 'string' ? text(cell).split(/[;；\n]/).map((p) => p.trim()).filter((p) => p !== '') : [cell];
  const converted = parts.map((part) => (items === undefined ? { ok: true as const, value: part } : convertCell(part, items, root)));
  return converted.every((c) => c.ok) ? converted.map((c) => (c as { value: JsonValue }).value) : undefined;
}

function byType(type: string, cell: Exclude<Cell, null>, schema: FieldSchema, root: FieldSchema): JsonValue | undefined {
  switch (type) {
    case 'number': return toNumber(cell, false);
    case 'integer': return toNumber(cell, true);
    case 'boolean': return toBoolean(cell);
    case 'string': return toText(cell, schema.format);
    case 'object': return toObject(cell);
    case 'array': {
      const items = schema.items;
      return toList(cell, typeof items === 'object' && items !== null ? deref(items as FieldSchema, root) : undefined, root);
    }
    default: return undefined;
  }
}

/**
 * A cell as the JSON value its field's schema asks for, trying each allowed type in turn. Only the
 * type is settled here; every other constraint is the form runtime's to check, with its messages.
 */
export function convertCell(cell: Exclude<Cell, null>, schema: FieldSchema, root: FieldSchema): Converted {
  const types = typesOf(schema);
  if (types.length === 0) return { ok: true, value: typeof cell === 'string' ? unneutralize(cell) : cell };
  for (const type of types) {
    const value = byType(type, cell, schema, root);
    if (value !== undefined) return { ok: true, value };
  }
  const first = types[0] as string;
  return { ok: false, expected: first === 'string' && typeof schema.format === 'string' ? schema.format : first };
}
