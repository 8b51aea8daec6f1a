import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { EntityDefinition } from '@trellis/definitions';
import type { Locale } from '@trellis/errors';
import type { UiState } from '@trellis/forms';
import { enumLabel } from '../config.js';

type Json = Record<string, unknown>;

/** The part of an entity's form one wizard page shows, for rjsf: schema and uiSchema. */
export interface PageForm {
  readonly schema: RJSFSchema;
  readonly uiSchema: UiSchema;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function resolve(schema: Json, root: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return schema;
  const target = (root.$defs as Json | undefined)?.[ref.slice('#/$defs/'.length)];
  return isObject(target) ? { ...target, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) } : schema;
}

function uiAt(uiSchema: Json, path: string): Json {
  let at: unknown = uiSchema;
  for (const key of path.split('.')) at = isObject(at) ? at[key] : undefined;
  return isObject(at) ? at : {};
}

/** Only the `ui:` keys of a node, not its children's. */
const ownUi = (node: Json): Json => Object.fromEntries(Object.entries(node).filter(([k]) => k.startsWith('ui:')));

interface Build {
  readonly definition: EntityDefinition;
  readonly ui: UiState;
  readonly locale: Locale;
  /** fields the user may not change on this page (beyond the computed ones) */
  readonly readOnly: ReadonlySet<string>;
}

/** Dotted page fields ('documents.agreement') show only those children of their group. */
type Only = ReadonlyMap<string, ReadonlySet<string>>;

function field(build: Build, path: string, raw: Json, only: Only): { schema: Json; ui: Json } {
  const { definition, ui, locale } = build;
  const root = definition.schema as unknown as Json;
  const schema = resolve(raw, root);
  const text = definition.fields?.[path];
  const out: Json = { ...schema };
  const node: Json = { ...ownUi(uiAt((definition.ui?.uiSchema ?? {}) as Json, path)) };
  if (text?.label !== undefined) out.title = text.label[locale];
  if (text?.help !== undefined) node['ui:help'] = text.help[locale];
  if (text?.placeholder !== undefined) node['ui:placeholder'] = text.placeholder[locale];
  if (path in ui.computed || build.readOnly.has(path)) node['ui:readonly'] = true;
  if (Array.isArray(schema.enum)) {
    node['ui:enumNames'] = Object.fromEntries((schema.enum as unknown[]).map((v) => [String(v), enumLabel(path, String(v))?.[locale] ?? String(v)]));
  }
  // A file widget on an attachment (object or list of them) is the portal's upload field.
  if (node['ui:widget'] === 'file') {
    delete node['ui:widget'];
    node['ui:field'] = 'attachments';
  }
  // A choice among another entity's records (the server lists them for top-level fields only).
  if (!path.includes('.') && isObject(node['ui:options']) && isObject(node['ui:options'].optionsFrom)) node['ui:field'] = 'recordOptions';
  // An address is chosen level by level from China's divisions, as in the studio's preview.
  if (isObject(node['ui:options']) && node['ui:options'].kind === 'address') node['ui:field'] = 'address';
  if (schema.type === 'object' && isObject(schema.properties) && node['ui:field'] === undefined) {
    const properties: Json = {};
    const required: string[] = [];
    const schemaRequired = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    for (const [key, child] of Object.entries(schema.properties)) {
      const childPath = `${path}.${key}`;
      if (ui.hidden.includes(childPath) || !isObject(child)) continue;
      if (only.has(path) && !only.get(path)?.has(key)) continue;
      const built = field(build, childPath, child, only);
      properties[key] = built.schema;
      node[key] = built.ui;
      if (schemaRequired.includes(key) || ui.required.includes(childPath)) required.push(key);
    }
    out.properties = properties;
    out.required = required;
  }
  return { schema: out, ui: node };
}

/**
 * The page's fields as an rjsf form: labels, help and placeholders in the reader's language, coded
 * values with their labels, fields the definition's rules hide left out, fields they require
 * marked, computed fields read-only. The record's `$defs` come along for `$ref`s.
 */
export function pageForm(build: Build, fields: readonly string[]): PageForm {
  const root = build.definition.schema as unknown as Json;
  const rootProps = (root.properties ?? {}) as Json;
  const rootRequired = Array.isArray(root.required) ? (root.required as string[]) : [];
  const properties: Json = {};
  const required: string[] = [];
  const uiSchema: Json = {};
  const only = new Map<string, Set<string>>();
  for (const path of fields.filter((f) => f.includes('.'))) {
    const [top = '', child = ''] = path.split('.');
    only.set(top, (only.get(top) ?? new Set()).add(child));
  }
  const tops = [...new Set(fields.map((f) => f.split('.')[0] ?? f))];
  for (const path of tops) {
    const raw = rootProps[path];
    if (!isObject(raw) || build.ui.hidden.includes(path)) continue;
    const built = field(build, path, raw, only);
    properties[path] = built.schema;
    uiSchema[path] = built.ui;
    if (rootRequired.includes(path) || build.ui.required.includes(path)) required.push(path);
  }
  uiSchema['ui:order'] = [...tops.filter((f) => f in properties), '*'];
  const schema: Json = { type: 'object', properties, required };
  if (root.$defs !== undefined) schema.$defs = root.$defs;
  return { schema: schema as RJSFSchema, uiSchema: uiSchema as UiSchema };
}
