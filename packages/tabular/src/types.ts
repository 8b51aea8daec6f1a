import type { LocalizedText } from '@trellis/errors';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema, as far as this package reads one (type, format, items, enum, local $ref). */
export type FieldSchema = { readonly [key: string]: unknown };

/** One column of an export: a field path of the records and its label. */
export interface TabularColumn {
  readonly field: string;
  readonly label: LocalizedText;
}

export type Cell = string | number | boolean | null;

/** A parsed file: the header row as written, and each data row keyed by header. */
export interface ParsedTable {
  readonly headers: readonly string[];
  readonly rows: readonly Record<string, Cell>[];
}
