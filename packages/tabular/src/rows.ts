import { neutralize } from './cells.js';
import type { Locale } from '@trellis/errors';
import type { Cell, JsonObject, JsonValue, TabularColumn } from './types.js';

/** The header row: each column's label in the locale, neutralized like any text. */
export function headerLabels(columns: readonly TabularColumn[], locale: Locale): Cell[] {
  return columns.map((column) => neutralize(column.label[locale]));
}

/** The value at a field path of a record, undefined when any step is missing. */
export function valueAt(data: JsonObject, path: string): JsonValue | undefined {
  let node: JsonValue | undefined = data;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}
