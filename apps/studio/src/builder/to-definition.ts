import type { EntityDefinition, FieldGroup, FieldText } from '@trellis/definitions';
import type { JsonValue, Rule } from '@trellis/rules';
import { fieldSchema, fieldUi } from './field-schema.js';
import { isLayout, withPaths, type BuilderField, type BuilderForm } from './model.js';

type Schema = Record<string, JsonValue>;

function objectSchema(fields: readonly BuilderField[]): Schema {
  const data = fields.filter((f) => !isLayout(f.kind));
  const schema: Schema = {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(data.map((f) => [f.key, fieldSchema(f, objectSchema)])),
  };
  const required = data.filter((f) => f.required === true).map((f) => f.key);
  if (required.length > 0) schema.required = required;
  return schema;
}

const textOf = (f: BuilderField): FieldText => ({
  label: f.label,
  ...(f.help === undefined ? {} : { help: f.help }),
  ...(f.placeholder === undefined ? {} : { placeholder: f.placeholder }),
});

/**
 * Field labels live in `fields` by path; paths cannot reach into list rows, so a repeater's columns
 * keep theirs in their uiSchema (`ui:options.text`).
 */
function uiSchema(fields: readonly BuilderField[], inRows: boolean): Record<string, JsonValue> {
  const data = fields.filter((f) => !isLayout(f.kind));
  const ui: Record<string, JsonValue> = { 'ui:order': data.map((f) => f.key) };
  for (const f of data) {
    const own = fieldUi(f);
    if (inRows) own['ui:options'] = { ...(own['ui:options'] as object | undefined), text: textOf(f) as unknown as JsonValue };
    if (f.kind === 'repeater') own.items = uiSchema(f.columns ?? [], true);
    if (f.kind === 'group') Object.assign(own, uiSchema(f.children ?? [], inRows));
    if (Object.keys(own).length > 0) ui[f.key] = own;
  }
  return ui;
}

/** Sections: each heading starts one, holding the fields up to the next heading. */
function sections(fields: readonly BuilderField[]): FieldGroup[] {
  const out: { id: string; title: FieldGroup['title']; fields: string[] }[] = [];
  for (const f of fields) {
    if (f.kind === 'heading') out.push({ id: f.sectionId ?? f.key, title: f.label, fields: [] });
    else out.at(-1)?.fields.push(f.key);
  }
  return out as unknown as FieldGroup[];
}

function pages(form: BuilderForm): FieldGroup[] {
  const first = form.pages[0]?.id;
  return form.pages.map((p) => ({
    id: p.id,
    title: p.title,
    fields: form.fields.filter((f) => !isLayout(f.kind) && (f.page ?? first) === p.id).map((f) => f.key),
  })) as unknown as FieldGroup[];
}

/** Rules by field path: a group's children are `group.child`, as the form runtime reads them. */
function ruleMap(fields: readonly [string, BuilderField][], pick: (f: BuilderField) => Rule | undefined): Record<string, Rule> | undefined {
  const entries = fields.flatMap(([path, f]) => {
    const rule = pick(f);
    return rule === undefined ? [] : [[path, rule] as const];
  });
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** The entity definition the builder's form stands for: what is saved as the draft. */
export function toDefinition(form: BuilderForm): EntityDefinition {
  const flat = withPaths(form.fields);
  const labels = Object.fromEntries(flat.filter(([, f]) => !isLayout(f.kind)).map(([path, f]) => [path, textOf(f)]));
  const rules: Record<string, unknown> = {};
  const defaults = flat.flatMap(([path, f]): [string, object][] => (f.defaultRule !== undefined ? [[path, { rule: f.defaultRule }]] : f.default !== undefined ? [[path, { value: f.default }]] : []));
  if (defaults.length > 0) rules.defaults = Object.fromEntries(defaults);
  const visibility = ruleMap(flat, (f) => f.showWhen);
  if (visibility !== undefined) rules.visibility = visibility;
  const requiredWhen = ruleMap(flat, (f) => f.requiredWhen);
  if (requiredWhen !== undefined) rules.requiredWhen = requiredWhen;
  const computed = ruleMap(flat, (f) => f.computedAs);
  if (computed !== undefined) rules.computed = computed;
  if (form.checks !== undefined && form.checks.length > 0) rules.validations = form.checks.map((c) => ({ id: c.id, path: c.path, rule: c.rule, message: c.message }));
  const ui: Record<string, unknown> = { uiSchema: uiSchema(form.fields, false) };
  const groups = sections(form.fields);
  if (groups.length > 0) ui.sections = groups;
  if (form.pages.length > 0) ui.pages = pages(form);
  return {
    kind: 'entity',
    formatVersion: 1,
    id: form.id,
    label: form.label,
    ...(form.description === undefined ? {} : { description: form.description }),
    ...(form.titleField === undefined ? {} : { titleField: form.titleField }),
    schema: objectSchema(form.fields) as EntityDefinition['schema'],
    fields: labels,
    ui: ui as EntityDefinition['ui'],
    ...(Object.keys(rules).length === 0 ? {} : { rules: rules as EntityDefinition['rules'] }),
    ...(form.draftWhen === undefined ? {} : { drafts: { when: form.draftWhen } as EntityDefinition['drafts'] }),
  };
}
