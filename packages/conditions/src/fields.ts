import type { LocalizedText } from '@trellis/errors';
import type { JsonSchemaObject, JsonValue } from '@trellis/rules';
import type { Field, FieldType, Primitive } from './types.js';

/**
 * Per-field display texts, as definitions keep them (an entity's `fields`): keyed by property name or
 * dotted path; `options` labels the values of an enum field (a form's option labels).
 */
export type FieldLabels = Readonly<Record<string, { readonly label?: LocalizedText; readonly options?: Readonly<Record<string, LocalizedText>> } | undefined>>;

type Node = Readonly<Record<string, JsonValue>>;

const isNode = (v: JsonValue | undefined): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Follows local '#/…' references; a schema the builder cannot follow is left out. */
function resolve(node: JsonValue | undefined, root: Node, depth = 0): Node | null {
  if (!isNode(node)) return null;
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  if (!ref.startsWith('#/') || depth > 16) return null;
  let target: JsonValue | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isNode(target) && Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
  }
  return resolve(target, root, depth + 1);
}

/** The declared type, ignoring "null" (a missing value reads as null anyway). */
function typeOf(node: Node): string | null {
  const { type } = node;
  if (typeof type === 'string') return type;
  if (!Array.isArray(type)) return null;
  const types = type.filter((t) => t !== 'null');
  return types.length === 1 && typeof types[0] === 'string' ? types[0] : null;
}

const primitives = (values: JsonValue | undefined): Primitive[] | null =>
  (Array.isArray(values) && values.length > 0 && values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))
    ? values as Primitive[] : null);

function fieldType(node: Node, root: Node): { type: FieldType; options?: Primitive[] } | 'object' | null {
  const options = primitives(node.enum);
  if (options !== null) return { type: 'enum', options };
  switch (typeOf(node)) {
    case 'string': return { type: node.format === 'date' || node.format === 'date-time' ? 'date' : 'string' };
    case 'number': return { type: 'number' };
    case 'integer': return { type: 'integer' };
    case 'boolean': return { type: 'boolean' };
    case 'object': return 'object';
    case 'array': {
      const items = resolve(node.items, root);
      const itemOptions = items === null ? null : primitives(items.enum);
      return itemOptions === null ? { type: 'array' } : { type: 'array', options: itemOptions };
    }
    default: return null;
  }
}

function labelOf(path: string, key: string, parent: LocalizedText | null, labels: FieldLabels): LocalizedText {
  const own = labels[path]?.label ?? { en: key, 'zh-CN': key };
  return parent === null ? own : { en: `${parent.en} › ${own.en}`, 'zh-CN': `${parent['zh-CN']} › ${own['zh-CN']}` };
}

/**
 * The fields of an object schema the condition builder can compare, in declaration order. Nested
 * objects contribute their fields under dotted paths ("address.city"); fields whose type the builder
 * cannot compare (objects in lists, unions of types) are left out: they stay reachable by formula.
 */
export function fieldsOf(schema: JsonSchemaObject, labels: FieldLabels = {}): Field[] {
  const fields: Field[] = [];
  const walk = (node: Node, prefix: string, parent: LocalizedText | null, depth: number): void => {
    const properties = node.properties;
    if (!isNode(properties) || depth > 8) return;
    for (const key of Object.keys(properties)) {
      const child = resolve(properties[key], schema);
      // `var` splits paths at dots, so a key with a dot cannot be read by name
      if (child === null || key.includes('.')) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const label = labelOf(path, key, parent, labels);
      const typed = fieldType(child, schema);
      if (typed === 'object') walk(child, path, label, depth + 1);
      const optionLabels = labels[path]?.options;
      if (typed !== null && typed !== 'object') fields.push({ path, label, ...typed, ...(optionLabels === undefined || typed.options === undefined ? {} : { optionLabels }) });
    }
  };
  walk(schema, '', null, 0);
  return fields;
}
