/**
 * The studio works on the PRM app template until it talks to a server: its entities give the
 * rule builder data to read, its decision-table rules give the table editor something to edit.
 * Nothing here names a PRM entity or rule; the screens list whatever the template holds.
 */
import { loadAppTemplate, type AppTemplate, type FlowDefinition } from '@trellis/definitions';
import type { LocalizedText } from '@trellis/errors';
import type { FieldLabels } from '@trellis/conditions';
import type { JsonSchemaObject } from '@trellis/rules';
import { tablesOf, type EditableTable } from '../tables/table-source.js';
import { fieldLabelsOf } from '../app-data/field-labels.js';
import template from '../../../../seed/prm/template.json';

export interface SampleEntity {
  readonly id: string;
  readonly label: LocalizedText;
  readonly schema: JsonSchemaObject;
  readonly labels: FieldLabels;
}


function load(): AppTemplate {
  const loaded = loadAppTemplate(structuredClone(template));
  if (!loaded.ok) throw new Error(`the sample template is invalid: ${loaded.problems.map((p) => `${p.path} ${p.message.en}`).join('; ')}`);
  return loaded.value;
}

const app = load();

export const SAMPLE_ENTITIES: readonly SampleEntity[] = (app.entities ?? []).map((e) => ({
  id: e.id,
  label: e.label,
  schema: e.schema as JsonSchemaObject,
  labels: fieldLabelsOf(e as unknown as Record<string, unknown>),
}));

/** The decision tables of the template's rules and programs. */
export const SAMPLE_TABLES: readonly EditableTable[] = [
  ...(app.rules ?? []).flatMap((r) => tablesOf('rule', r as unknown as Record<string, unknown>)),
  ...(app.programs ?? []).flatMap((p) => tablesOf('program', p as unknown as Record<string, unknown>)),
];

/** The flows and role ids the flow designer opens and checks against until it loads them from a server. */
export const SAMPLE_FLOWS: readonly FlowDefinition[] = app.flows ?? [];
export const SAMPLE_ROLES: readonly { id: string; label: LocalizedText }[] = (app.roles ?? []).map((r) => ({ id: r.id, label: r.label }));
