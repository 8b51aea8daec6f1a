import type { EntityDefinition } from '@trellis/definitions';
import { schemaFieldPaths } from '@trellis/forms';

const declared = new WeakMap<EntityDefinition, ReadonlySet<string>>();

/** The data paths a published entity declares (nested objects included): what a list may filter, sort and select. */
export function declaredFields(definition: EntityDefinition): ReadonlySet<string> {
  let fields = declared.get(definition);
  if (fields === undefined) declared.set(definition, (fields = new Set(schemaFieldPaths(definition.schema as Parameters<typeof schemaFieldPaths>[0]))));
  return fields;
}
