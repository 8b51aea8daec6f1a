import type { FieldSchema } from './types.js';

function isObject(value: unknown): value is FieldSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows local `$ref`s (`#/$defs/date`) within the root schema; anything else is left as is. */
export function deref(schema: FieldSchema, root: FieldSchema, depth = 0): FieldSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || depth > 16) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  if (!isObject(node)) return schema;
  const { $ref: _ref, ...rest } = schema;
  return { ...deref(node, root, depth + 1), ...rest };
}

/** The schema of the field at a dot path of an object schema, or undefined when there is none. */
export function fieldSchema(root: FieldSchema, path: string): FieldSchema | undefined {
  let node: FieldSchema | undefined = root;
  for (const segment of path.split('.')) {
    const properties: unknown = node === undefined ? undefined : deref(node, root).properties;
    const next: unknown = isObject(properties) && Object.hasOwn(properties, segment) ? properties[segment] : undefined;
    node = isObject(next) ? next : undefined;
  }
  return node === undefined ? undefined : deref(node, root);
}

/** The JSON types a schema allows, without null; from `type`, or the types of its `enum`/`const`. */
export function typesOf(schema: FieldSchema | undefined): string[] {
  if (schema === undefined) return [];
  const { type } = schema;
  const declared = Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : valueTypes(schema);
  return declared.filter((t) => t !== 'null');
}

function valueTypes(schema: FieldSchema): string[] {
  const values = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : [];
  return [...new Set(values.map((v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)))];
}

/** Every field path of an object schema down to its leaves (objects inside arrays are not addressed). */
export function leafPaths(root: FieldSchema, schema: FieldSchema = root, prefix = ''): string[] {
  const properties = deref(schema, root).properties;
  if (!isObject(properties)) return [];
  return Object.entries(properties).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (!isObject(child)) return [path];
    const nested = typesOf(deref(child, root)).includes('object') ? leafPaths(root, child, path) : [];
    return nested.length > 0 ? nested : [path];
  });
}
