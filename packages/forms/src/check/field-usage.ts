/**
 * Every place a definition names a field, with where it does so, and the check that each named
 * field exists in the record schema (with a "did you mean" from the known paths).
 */
import type { EntityDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import type { FormModel } from '../definition-model.js';
import { isForbiddenKey } from '../field-path.js';
import { formProblems } from '../problems.js';
import { schemaFieldPaths } from '../schema-fields.js';
import { closestName } from './did-you-mean.js';

interface FieldUse {
  readonly field: string;
  readonly location: string;
}

interface UiShape {
  readonly titleField?: string;
  readonly fields?: Record<string, unknown>;
  readonly ui?: { readonly [K in 'sections' | 'pages']?: readonly { readonly fields?: readonly string[] }[] };
}

function fieldUses(definition: EntityDefinition, model: FormModel): FieldUse[] {
  const entity = definition as unknown as UiShape;
  const uses: FieldUse[] = [];
  if (entity.titleField !== undefined) uses.push({ field: entity.titleField, location: 'titleField' });
  for (const field of Object.keys(entity.fields ?? {})) uses.push({ field, location: `fields.${field}` });
  for (const group of ['sections', 'pages'] as const) {
    (entity.ui?.[group] ?? []).forEach((part, i) =>
      (part.fields ?? []).forEach((field, j) => uses.push({ field, location: `ui.${group}.${i}.fields.${j}` })),
    );
  }
  for (const d of model.defaults) uses.push({ field: d.path, location: `rules.defaults.${d.path}` });
  for (const list of [model.visibility, model.requiredWhen, model.computed]) {
    for (const r of list) uses.push({ field: r.path, location: r.location });
  }
  model.validations.forEach((v, i) => uses.push({ field: v.path, location: `rules.validations.${i}.path` }));
  return uses;
}

export function checkFieldUses(definition: EntityDefinition, model: FormModel): Problem[] {
  const known = schemaFieldPaths(model.schema);
  const knownSet = new Set(known);
  const problems: Problem[] = [];
  for (const top of known) {
    if (!top.includes('.') && top.startsWith('$')) problems.push(formProblems.reservedField(`schema/properties/${top}`, top));
  }
  for (const { field, location } of fieldUses(definition, model)) {
    if (field.split('.').some((s) => s === '' || isForbiddenKey(s))) problems.push(formProblems.badFieldPath(location, field));
    else if (!knownSet.has(field)) problems.push(formProblems.unknownField(location, field, closestName(field, known)));
  }
  return problems;
}
