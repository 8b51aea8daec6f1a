import type { EntityDefinition } from '@trellis/definitions';
import { schemaFieldPaths } from '@trellis/forms';
import { covers, type FieldSet } from '@trellis/permissions';

const declared = new WeakMap<EntityDefinition, ReadonlySet<string>>();

/** The data paths a published entity declares (nested objects included). */
export function declaredFields(definition: EntityDefinition): ReadonlySet<string> {
  let fields = declared.get(definition);
  if (fields === undefined) declared.set(definition, (fields = new Set(schemaFieldPaths(definition.schema as Parameters<typeof schemaFieldPaths>[0]))));
  return fields;
}

/**
 * What a list may filter, sort and select on: the declared paths the caller may read in every
 * record it can return. Filtering on any other field would tell its values without showing them.
 */
export function listableFields(definition: EntityDefinition, readable: FieldSet): ReadonlySet<string> {
  const all = declaredFields(definition);
  return readable === '*' ? all : new Set([...all].filter((path) => covers(readable, path)));
}
