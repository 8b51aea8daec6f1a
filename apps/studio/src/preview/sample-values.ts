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

function sampleObject(props: Node, ui: Node): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(props)) {
    if (!isNode(schema)) continue;
    const options = isNode(ui[key]) && isNode(ui[key]['ui:options']) ? ui[key]['ui:options'] : {};
    // a record to choose has no plausible value but one the server knows of
    if (options.optionsFrom !== undefined) continue;
    // a group (an untagged object of fields) gets its fields' samples
    const group = schema.type === 'object' && options.kind === undefined && isNode(schema.properties);
    const value = group ? sampleObject(schema.properties as Node, isNode(ui[key]) ? ui[key] : {}) : sampleOf(schema, key);
    if (value !== undefined && !(group && Object.keys(value as object).length === 0)) out[key] = value;
  }
  return out;
}

export function sampleValues(definition: EntityDefinition): Record<string, unknown> {
  const props = isNode(definition.schema.properties) ? definition.schema.properties : {};
  return sampleObject(props, (definition.ui?.uiSchema ?? {}) as Node);
}
