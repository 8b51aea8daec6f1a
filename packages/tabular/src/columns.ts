import { fieldSchema, leafPaths } from './field-schema.js';
import type { FieldLabels } from './import-map.js';
import type { FieldSchema, TabularColumn } from './types.js';

/** What columns are made from: an entity's record schema and field labels (an EntityDefinition fits). */
export interface EntityLike {
  readonly schema: FieldSchema;
  readonly fields?: FieldLabels;
}

/**
 * Export columns for the given field paths (default: every leaf field, in schema order; paths the
 * schema does not have are left out), labelled
 * from the entity's field labels, else by the path itself in both languages.
 */
export function entityColumns(entity: EntityLike, paths: readonly string[] = leafPaths(entity.schema)): TabularColumn[] {
  return paths
    .filter((field) => fieldSchema(entity.schema, field) !== undefined)
    .map((field) => ({ field, label: entity.fields?.[field]?.label ?? { 'zh-CN': field, en: field } }));
}
