import type { EntityDefinition } from '@trellis/definitions';

interface SmallEntity {
  readonly id?: string;
  readonly schema: Record<string, unknown>;
  readonly fields?: Record<string, unknown>;
  readonly rules?: Record<string, unknown>;
  readonly ui?: Record<string, unknown>;
  readonly drafts?: Record<string, unknown>;
  readonly version?: number;
}

/** A minimal entity definition around a schema and rules, for focused tests. */
export function smallEntity({ id = 'test_entity', ...parts }: SmallEntity): EntityDefinition {
  return {
    kind: 'entity',
    formatVersion: 1,
    id,
    label: { 'zh-CN': '测试', en: 'Test' },
    ...parts,
  } as unknown as EntityDefinition;
}

type Json = Record<string, unknown>;

/** The parts of a definition like the onboarding fixture that tests edit. */
export interface EditableEntity {
  [key: string]: unknown;
  schema: Json & { properties: Record<string, Json>; required: string[] };
  fields: Record<string, Json>;
  ui: { sections: { fields: string[] }[] };
  rules: {
    defaults: Record<string, Json>;
    visibility: Json;
    requiredWhen: Json;
    computed: Json;
    validations: Json[];
  };
}

/** A deep copy of a definition with some changes, so tests never alter the shared fixture. */
export function changed(definition: EntityDefinition, change: (copy: EditableEntity) => void): EntityDefinition {
  const copy = structuredClone(definition) as unknown as EditableEntity;
  change(copy);
  return copy as unknown as EntityDefinition;
}
