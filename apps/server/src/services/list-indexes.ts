/**
 * Which fields of an entity get a database index when it is published. The entity format has no
 * list-view declaration, so this follows what list views filter and sort on: the title field and
 * the top-level scalar fields with a comparable value (choices, numbers, booleans, dates) or an
 * identifier shape (a pattern). Free text, arrays and nested objects are left out: indexing them
 * would slow every write for queries nobody makes.
 */
import type { EntityDefinition } from '@trellis/definitions';
import type { IndexedField, SortKey } from '@trellis/storage';

type Schema = Readonly<Record<string, unknown>>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows local `#/$defs/x` references (the only kind the format allows), at most a few hops. */
function resolve(root: Schema, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; hops < 8 && typeof current.$ref === 'string'; hops++) {
    const [, section, name] = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref) ?? [];
    const defs = section === undefined ? undefined : root[section];
    const next = isSchema(defs) && name !== undefined ? defs[name] : undefined;
    if (!isSchema(next)) break;
    current = next;
  }
  return current;
}

function indexType(schema: Schema, isTitle: boolean): IndexedField['type'] | undefined {
  const type = schema.type;
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type !== 'string' && !Array.isArray(schema.enum)) return undefined;
  if (schema.format === 'date' || schema.format === 'date-time') return 'date';
  if (isTitle || Array.isArray(schema.enum) || typeof schema.pattern === 'string') return 'string';
  return undefined;
}

export function listFieldIndexes(definition: EntityDefinition): IndexedField[] {
  const root = definition.schema as Schema;
  const properties = isSchema(root.properties) ? root.properties : {};
  const fields: IndexedField[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    if (!isSchema(raw)) continue;
    const type = indexType(resolve(root, raw), name === definition.titleField);
    if (type !== undefined) fields.push({ path: name, type });
  }
  return fields;
}

const indexedTypes = new WeakMap<EntityDefinition, ReadonlyMap<string, IndexedField['type']>>();

/**
 * Sort keys with the type of their indexed field, so the ORDER BY is the indexed expression
 * (numeric for numbers, text for the rest: ISO dates and choices sort right as text) and a sorted
 * page of a large list is read from the index instead of sorting every matching row.
 */
export function typedSortKeys(definition: EntityDefinition, sort: readonly SortKey[]): SortKey[] {
  let types = indexedTypes.get(definition);
  if (types === undefined) indexedTypes.set(definition, (types = new Map(listFieldIndexes(definition).map((f) => [f.path, f.type]))));
  return sort.map((key) => {
    const type = key.type === undefined ? types.get(key.field) : undefined;
    return type === undefined ? key : { ...key, type: type === 'number' ? 'number' : 'string' };
  });
}
