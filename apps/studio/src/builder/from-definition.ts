/**
 * Reads an entity definition back into the builder's form. Whatever the builder cannot show (an
 * object nested in a group or a row; a schema union) is named, so the
 * admin edits that definition in the JSON view instead of losing it.
 */
import type { EntityDefinition, FieldText } from '@trellis/definitions';
import type { LocalizedText } from '@trellis/errors';
import type { JsonValue, Rule } from '@trellis/rules';
import { FIELD_KINDS, type BuilderCheck, type BuilderField, type BuilderForm, type BuilderPage, type FieldKind, type FieldOption, type OptionsFrom } from './model.js';
import { patternIdOf } from './patterns.js';
import { PHONE_PATTERN } from './field-schema.js';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

export type ReadForm = { readonly ok: true; readonly form: BuilderForm } | { readonly ok: false; readonly unsupported: readonly string[] };

function deref(node: unknown, root: Node): Node {
  if (!isNode(node)) return {};
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  const target = ref.slice(2).split('/').reduce<unknown>((at, key) => (isNode(at) ? at[key] : undefined), root);
  return { ...deref(target, root), ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) };
}

function kindOf(schema: Node, ui: Node, root: Node): FieldKind | null {
  const options = isNode(ui['ui:options']) ? ui['ui:options'] : {};
  const tagged = options.kind;
  if (typeof tagged === 'string' && (FIELD_KINDS as readonly string[]).includes(tagged)) return tagged as FieldKind;
  const widget = ui['ui:widget'];
  const items = deref(schema.items, root);
  const props = isNode(schema.properties) ? schema.properties : {};
  switch (schema.type) {
    case 'boolean': return 'checkbox';
    case 'number': case 'integer': return options.format === 'percent' ? 'percent' : 'number';
    case 'string':
      if (Array.isArray(schema.enum)) return widget === 'radio' ? 'radio' : 'select';
      if (schema.format === 'date') return 'date';
      if (schema.format === 'email') return 'email';
      if (schema.pattern === PHONE_PATTERN) return 'phone';
      return widget === 'textarea' ? 'longText' : 'text';
    case 'array': {
      if (Array.isArray(items.enum)) return 'multiSelect';
      if (items.type !== 'object') return null;
      return 'fileId' in (isNode(items.properties) ? items.properties : {}) ? 'file' : 'repeater';
    }
    // an object of fields (not a file) is a group of them
    case 'object': return 'fileId' in props ? 'file' : Object.keys(props).length > 0 ? 'group' : null;
    default: return null;
  }
}

function readOptions(schema: Node, ui: Node, root: Node): FieldOption[] | undefined {
  const values = Array.isArray(schema.enum) ? schema.enum : deref(schema.items, root).enum;
  if (!Array.isArray(values)) return undefined;
  const labels = isNode(ui['ui:options']) && isNode(ui['ui:options'].labels) ? ui['ui:options'].labels : {};
  return values.map((v) => {
    const value = String(v);
    const label = labels[value];
    return { value, label: isNode(label) ? label as unknown as LocalizedText : { 'zh-CN': value, en: value } };
  });
}

function optionsFromOf(ui: Node): OptionsFrom | undefined {
  const from = isNode(ui['ui:options']) ? ui['ui:options'].optionsFrom : undefined;
  return isNode(from) && typeof from.entity === 'string' && typeof from.labelField === 'string' ? { entity: from.entity, labelField: from.labelField } : undefined;
}

interface Context {
  readonly root: Node;
  readonly texts: Record<string, FieldText>;
  readonly rules: NonNullable<EntityDefinition['rules']>;
  readonly unsupported: string[];
}

/** `inRows`: the fields of a repeater's row, whose texts are in their uiSchema. */
function readFields(object: Node, ui: Node, prefix: string, ctx: Context, inRows = false): BuilderField[] {
  const props = isNode(object.properties) ? object.properties : {};
  const required = new Set(Array.isArray(object.required) ? object.required : []);
  const order = Array.isArray(ui['ui:order']) ? ui['ui:order'].filter((k): k is string => typeof k === 'string' && k in props) : [];
  const keys = [...order, ...Object.keys(props).filter((k) => !order.includes(k))];
  const fields: BuilderField[] = [];
  for (const key of keys) {
    const path = `${prefix}${key}`;
    const schema = deref(props[key], ctx.root);
    const fieldUi = isNode(ui[key]) ? ui[key] : {};
    const kind = kindOf(schema, fieldUi, ctx.root);
    if (kind === null || (kind === 'group' && (inRows || prefix !== ''))) {
      ctx.unsupported.push(path);
      continue;
    }
    const rowText = isNode(fieldUi['ui:options']) ? fieldUi['ui:options'].text as FieldText | undefined : undefined;
    const text = (inRows ? rowText : ctx.texts[path]) ?? {};
    const field: Record<string, unknown> = { key, kind, label: text.label ?? { 'zh-CN': key, en: key } };
    if (text.help !== undefined) field.help = text.help;
    if (text.placeholder !== undefined) field.placeholder = text.placeholder;
    if (required.has(key)) field.required = true;
    const isArray = schema.type === 'array';
    if (kind === 'file' && isArray) field.multiple = true;
    const accept = isNode(fieldUi['ui:options']) ? fieldUi['ui:options'].accept : undefined;
    if (kind === 'file' && typeof accept === 'string') field.accept = accept;
    const bounds: [string, unknown][] = [
      ['min', isArray ? schema.minItems : schema.minimum], ['max', isArray ? schema.maxItems : schema.maximum],
      ['minLength', schema.minLength], ['maxLength', schema.maxLength],
    ];
    for (const [name, value] of bounds) if (num(value) !== undefined && kind !== 'multiSelect') field[name] = value;
    if (schema.type === 'integer') {
      if (kind === 'number') field.integer = true;
      else ctx.unsupported.push(`${path} (integer)`);
    }
    if (num(schema.exclusiveMinimum) !== undefined) {
      if (field.min !== undefined) ctx.unsupported.push(`${path} (exclusiveMinimum)`);
      else Object.assign(field, { min: schema.exclusiveMinimum, minExclusive: true });
    }
    if (typeof schema.pattern === 'string' && kind !== 'phone') {
      const id = patternIdOf(schema.pattern);
      if (id === undefined) ctx.unsupported.push(`${path} (pattern)`);
      else field.pattern = id;
    }
    const options = readOptions(schema, fieldUi, ctx.root);
    if (options !== undefined) field.options = options;
    const from = optionsFromOf(fieldUi);
    if (from !== undefined) field.optionsFrom = from;
    if (kind === 'repeater') field.columns = readFields(deref(schema.items, ctx.root), isNode(fieldUi.items) ? fieldUi.items : {}, `${path}.`, ctx, true);
    if (kind === 'group') field.children = readFields(schema, fieldUi, `${path}.`, ctx);
    if (!inRows) {
      const rules = ctx.rules;
      const fixed = rules.defaults?.[path];
      if (fixed?.value !== undefined) field.default = fixed.value as JsonValue;
      else if (fixed?.rule !== undefined) field.defaultRule = fixed.rule as Rule;
      const pick = (map: Record<string, unknown> | undefined) => map?.[path] as Rule | undefined;
      const show = pick(rules.visibility);
      if (show !== undefined) field.showWhen = show;
      const req = pick(rules.requiredWhen);
      if (req !== undefined) field.requiredWhen = req;
      const computed = pick(rules.computed);
      if (computed !== undefined) field.computedAs = computed;
    }
    fields.push(field as unknown as BuilderField);
  }
  return fields;
}

/** The form-level settings: cross-field checks, the title field, when a record is a draft. */
function formRules(definition: EntityDefinition): Pick<BuilderForm, 'checks' | 'titleField' | 'draftWhen'> {
  const checks: BuilderCheck[] = (definition.rules?.validations ?? []).map((v) => ({ id: v.id, path: v.path, rule: v.rule as Rule, message: v.message }));
  return {
    ...(checks.length === 0 ? {} : { checks }),
    ...(definition.titleField === undefined ? {} : { titleField: definition.titleField }),
    ...(definition.drafts === undefined ? {} : { draftWhen: definition.drafts.when as Rule }),
  };
}

type Section = { readonly id: string; readonly title: LocalizedText; readonly fields: readonly string[] };

/**
 * The builder's sections are runs of fields after a heading: each section's fields follow its
 * heading, sections in their order, fields of no section before them all. A layout whose ui:order
 * strays from its sections so keeps which field is in which section (its order follows them).
 */
function withSections(fields: readonly BuilderField[], sections: readonly Section[]): BuilderField[] {
  if (sections.length === 0) return [...fields];
  const sectionOf = new Map(sections.flatMap((s) => s.fields.map((f) => [f, s.id] as const)));
  const keys = new Set(fields.map((f) => f.key));
  const heading = (s: Section): BuilderField => {
    if (!keys.has(s.id)) return { key: s.id, kind: 'heading', label: s.title };
    let n = 1;
    while (keys.has(`${s.id}_section${n === 1 ? '' : n}`)) n += 1;
    const key = `${s.id}_section${n === 1 ? '' : n}`;
    keys.add(key);
    return { key, sectionId: s.id, kind: 'heading', label: s.title };
  };
  return [
    ...fields.filter((f) => !sectionOf.has(f.key)),
    ...sections.flatMap((s) => [heading(s), ...fields.filter((f) => sectionOf.get(f.key) === s.id)]),
  ];
}

export function fromDefinition(definition: EntityDefinition): ReadForm {
  const root = definition.schema as unknown as Node;
  const ui = (definition.ui ?? {}) as { uiSchema?: Node; sections?: { id: string; title: LocalizedText; fields: string[] }[]; pages?: { id: string; title: LocalizedText; fields: string[] }[] };
  const ctx: Context = { root, texts: definition.fields ?? {}, rules: definition.rules ?? {}, unsupported: [] };
  let fields = readFields(root, ui.uiSchema ?? {}, '', ctx);
  const pages: BuilderPage[] = (ui.pages ?? []).map((p) => ({ id: p.id, title: p.title }));
  const firstPage = pages[0]?.id;
  const pageOf = new Map((ui.pages ?? []).flatMap((p) => p.fields.map((f) => [f, p.id] as const)));
  fields = fields.map((f) => {
    const page = pageOf.get(f.key);
    return page === undefined || page === firstPage ? f : { ...f, page };
  });
  fields = withSections(fields, ui.sections ?? []);
  if (ctx.unsupported.length > 0) return { ok: false, unsupported: ctx.unsupported };
  const form: BuilderForm = { id: definition.id, label: definition.label, fields, pages, ...formRules(definition) };
  return { ok: true, form: definition.description === undefined ? form : { ...form, description: definition.description } };
}
