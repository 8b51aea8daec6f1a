import { describe, expect, it } from 'vitest';
import { loadPrmTemplate } from './template.js';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The enum values of a top-level field, following one `$ref` into the schema's `$defs`. */
function enumOf(schema: Node, field: string): unknown[] | undefined {
  const property = (schema.properties as Record<string, Node>)[field];
  const ref = typeof property?.$ref === 'string' ? property.$ref.split('/').at(-1) : undefined;
  const resolved = ref === undefined ? property : (schema.$defs as Record<string, Node>)[ref];
  return Array.isArray(resolved?.enum) ? resolved.enum : undefined;
}

describe('option labels of the PRM forms', () => {
  const entities = loadPrmTemplate().entities ?? [];

  it('label every coded top-level field in both languages, exactly its values', () => {
    for (const entity of entities) {
      const schema = entity.schema as Node;
      const ui = (entity.ui?.uiSchema ?? {}) as Record<string, unknown>;
      for (const field of Object.keys(schema.properties as Node)) {
        const values = enumOf(schema, field);
        if (values === undefined) continue;
        const fieldUi = ui[field];
        const labels = isNode(fieldUi) && isNode(fieldUi['ui:options']) ? fieldUi['ui:options'].labels : undefined;
        expect(isNode(labels), `${entity.id}.${field}`).toBe(true);
        expect(Object.keys(labels as Node).sort(), `${entity.id}.${field}`).toEqual(values.map(String).sort());
        for (const text of Object.values(labels as Record<string, Node>)) {
          expect(typeof text.en === 'string' && text.en !== '' && typeof text['zh-CN'] === 'string' && text['zh-CN'] !== '', `${entity.id}.${field}`).toBe(true);
        }
      }
    }
  });
});
