import type { FieldLabels } from '@trellis/conditions';
import { layoutOf } from '../workspace/records/entity-layout.js';

/** What the rule builder shows of an entity's fields: their labels (`fields`) and their options' labels (the form's). */
export function fieldLabelsOf(definition: Readonly<Record<string, unknown>>): FieldLabels {
  const out: Record<string, NonNullable<FieldLabels[string]>> = { ...(definition.fields ?? {}) as Record<string, NonNullable<FieldLabels[string]>> };
  for (const [path, options] of Object.entries(layoutOf(definition as Record<string, unknown>).optionLabels)) out[path] = { ...out[path], options };
  return out;
}
