/** Plausible values for a form's fields, so the preview can be tried without typing everything. */
import type { EntityDefinition } from '@trellis/definitions';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

function sampleOf(schema: Node, key: string): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'boolean': return true;
    case 'number': case 'integer': return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'string':
      if (schema.format === 'date') return '2025-06-30';
      if (schema.format === 'email') return 'someone@example.com';
      if (typeof schema.pattern === 'string') return undefined;
      return key.slice(0, typeof schema.maxLength === 'number' ? schema.maxLength : 50).padEnd(typeof schema.minLength === 'number' ? schema.minLength : 0, 'x');
    case 'array': return isNode(schema.items) && Array.isArray(schema.items.enum) ? [schema.items.enum[0]] : undefined;
    default: return undefined;
  }
}

export function sampleValues(definition: EntityDefinition): Record<string, unknown> {
  const props = isNode(definition.schema.properties) ? definition.schema.properties : {};
  const ui = (definition.ui?.uiSchema ?? {}) as Node;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(props)) {
    // a record to choose has no plausible value but one the server knows of
    if (isNode(ui[key]) && isNode(ui[key]['ui:options']) && ui[key]['ui:options'].optionsFrom !== undefined) continue;
    const value = isNode(schema) ? sampleOf(schema, key) : undefined;
    if (value !== undefined) out[key] = value;
  }
  return out;
}
