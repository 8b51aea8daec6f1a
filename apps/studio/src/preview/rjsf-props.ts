/**
 * What rjsf renders for an entity definition in one language: the record's JSON Schema with titles
 * and descriptions from the definition's labels, option labels as `ui:enumNames`, fields the form
 * runtime hides left out, conditionally required ones marked required, computed
 * ones read-only. The runtime (not rjsf) decides all of that, as it does on the server.
 */
import type { EntityDefinition, FieldText } from '@trellis/definitions';
import type { Locale, LocalizedText } from '@trellis/errors';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the form runtime decided to show: hidden, required and computed field keys. */
export interface FormShape {
  readonly hidden: readonly string[];
  readonly required: readonly string[];
  readonly computed: readonly string[];
}

export interface RjsfProps {
  readonly schema: Node;
  readonly uiSchema: Node;
}

/** The runtime's state by field path (`group.child` inside a group). */
interface Shape {
  readonly hidden: ReadonlySet<string>;
  readonly required: ReadonlySet<string>;
  readonly computed: ReadonlySet<string>;
}
const NO_SHAPE: Shape = { hidden: new Set(), required: new Set(), computed: new Set() };

function localize(schema: Node, ui: Node, texts: (key: string, ui: Node) => FieldText | undefined, locale: Locale, shape: Shape, prefix: string): { schema: Node; ui: Node } {
  const props = isNode(schema.properties) ? schema.properties : {};
  const outProps: Node = {};
  const outUi: Node = { ...ui };
  for (const [key, raw] of Object.entries(props)) {
    // rjsf cannot hide a field: a hidden one (a group's child too) leaves the schema
    if (!isNode(raw) || shape.hidden.has(`${prefix}${key}`)) continue;
    const fieldUi = isNode(ui[key]) ? ui[key] : {};
    const text = texts(`${prefix}${key}`, fieldUi);
    let child: Node = { ...raw };
    if (text?.label !== undefined) child.title = text.label[locale];
    if (text?.help !== undefined) child.description = text.help[locale];
    const options = isNode(fieldUi['ui:options']) ? fieldUi['ui:options'] : {};
    let childUi: Node = { ...fieldUi };
    if (text?.placeholder !== undefined) childUi['ui:placeholder'] = text.placeholder[locale];
    const labels = isNode(options.labels) ? options.labels as Record<string, LocalizedText> : undefined;
    const values = Array.isArray(child.enum) ? child.enum : isNode(child.items) && Array.isArray(child.items.enum) ? child.items.enum : undefined;
    // an uploaded file is an object the attachments API fills, not rjsf's data-URL string widget
    if (options.kind === 'file') childUi = { ...childUi, 'ui:field': 'attachment' };
    // an address is chosen level by level from China's divisions, not typed part by part
    if (options.kind === 'address') childUi = { ...childUi, 'ui:field': 'address' };
    // a choice among another entity's records: the server lists those the user may read
    if (isNode(options.optionsFrom)) childUi = { ...childUi, 'ui:field': 'recordOptions' };
    if (labels !== undefined && values !== undefined) childUi['ui:enumNames'] = values.map((v) => labels[String(v)]?.[locale] ?? String(v));
    if (child.type === 'array' && isNode(child.items) && isNode(child.items.properties)) {
      const rows = localize(child.items, isNode(fieldUi.items) ? fieldUi.items : {}, (_path, colUi) => (isNode(colUi['ui:options']) ? colUi['ui:options'].text as FieldText | undefined : undefined), locale, NO_SHAPE, '');
      child = { ...child, items: rows.schema };
      childUi = { ...childUi, items: rows.ui };
    }
    // a group: an untagged object of fields, labelled and ruled by their dotted paths
    if (child.type === 'object' && options.kind === undefined && isNode(child.properties)) {
      const group = localize(child, childUi, texts, locale, shape, `${prefix}${key}.`);
      child = group.schema;
      childUi = group.ui;
    }
    if (shape.computed.has(`${prefix}${key}`)) childUi['ui:readonly'] = true;
    outProps[key] = child;
    outUi[key] = childUi;
  }
  // rjsf refuses an order naming a field the schema no longer has
  if (Array.isArray(outUi['ui:order'])) outUi['ui:order'] = outUi['ui:order'].filter((k: unknown) => typeof k === 'string' && (k === '*' || k in outProps));
  const baseRequired = Array.isArray(schema.required) ? schema.required as string[] : [];
  const allRequired = [...new Set([...baseRequired, ...Object.keys(outProps).filter((k) => shape.required.has(`${prefix}${k}`))])].filter((k) => k in outProps);
  return { schema: { ...schema, properties: outProps, ...(allRequired.length > 0 ? { required: allRequired } : {}) }, ui: outUi };
}

/**
 * The section headings to draw: each section's title, before the first of its fields that is shown
 * (a section whose fields are all hidden, or on another wizard page, draws nothing).
 */
function headings(definition: EntityDefinition, locale: Locale, shown: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const section of definition.ui?.sections ?? []) {
    const first = section.fields.find((f) => shown.includes(f));
    if (first !== undefined) out[first] = section.title[locale];
  }
  return out;
}

/**
 * rjsf's schema and uiSchema for the definition in `locale`, given the runtime's UI state; with
 * `page`, only that wizard page's fields are shown.
 */
export function rjsfProps(definition: EntityDefinition, locale: Locale, state: FormShape, page?: readonly string[]): RjsfProps {
  const fields = definition.fields ?? {};
  const baseUi = (definition.ui?.uiSchema ?? {}) as Node;
  const shape: Shape = { hidden: new Set(state.hidden), required: new Set(state.required), computed: new Set(state.computed) };
  const { schema, ui } = localize(definition.schema as unknown as Node, baseUi, (path) => fields[path], locale, shape, '');
  // other pages' fields leave the schema too
  const shown = (key: string) => page === undefined || page.includes(key);
  const props = isNode(schema.properties) ? schema.properties : {};
  schema.properties = Object.fromEntries(Object.entries(props).filter(([key]) => shown(key)));
  if (Array.isArray(schema.required)) schema.required = schema.required.filter((k: unknown) => typeof k === 'string' && shown(k));
  if (Array.isArray(ui['ui:order'])) ui['ui:order'] = ui['ui:order'].filter((k: unknown) => typeof k === 'string' && shown(k));
  ui['ui:options'] = { ...(isNode(ui['ui:options']) ? ui['ui:options'] : {}), headings: headings(definition, locale, Object.keys(schema.properties as Node)) };
  return { schema: { ...schema, title: definition.label[locale] }, uiSchema: ui };
}
