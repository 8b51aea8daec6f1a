import type { JsonValue } from '../types.js';
import type { Coarse } from './signatures.js';

/** A JSON Schema (draft 2020-12) as stored: a JSON object. */
export type JsonSchemaObject = { readonly [keyword: string]: JsonValue };

/** A schema node together with the document its local `$ref`s resolve in. */
interface Located {
  readonly node: JsonSchemaObject;
  readonly root: JsonSchemaObject;
}

/**
 * What static checking knows about a value:
 * - `schema`: it satisfies one of these schema nodes ($ref resolved, allOf/anyOf/oneOf/then/else flattened);
 * - `list`: an array whose items have the given shape (literal arrays, map results);
 * - `record`: an object with exactly these properties (reduce's {current, accumulator});
 * - `open`: nothing is known beyond a coarse type; every field path under it is accepted.
 *   `text` marks a literal text (not a date) and whether json-logic-js reads it as a number ("5").
 */
export type Shape =
  | { readonly kind: 'schema'; readonly leaves: readonly Located[] }
  | { readonly kind: 'list'; readonly items: Shape }
  | { readonly kind: 'record'; readonly props: Readonly<Record<string, Shape>> }
  | { readonly kind: 'open'; readonly type: Coarse; readonly text?: 'numeric' | 'other' };

export const open = (type: Coarse = 'any'): Shape => ({ kind: 'open', type });

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

function isSchemaObject(value: JsonValue | undefined): value is JsonSchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Keywords that say something about a value's type or structure; a node with none of them accepts anything. */
const STRUCTURAL = ['type', 'properties', 'items', 'prefixItems', 'const', 'enum', 'additionalProperties', 'patternProperties'];
const BRANCHES = ['allOf', 'anyOf', 'oneOf'];

/** A '#…' JSON pointer into the document; anything else (remote references) is not resolved. */
function resolveRef(ref: string, root: JsonSchemaObject): JsonValue | undefined {
  if (!ref.startsWith('#')) return undefined;
  const segments = ref.slice(1).split('/').slice(1).map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: JsonValue | undefined = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !hasOwn(node, segment)) return undefined;
    node = (node as Record<string, JsonValue>)[segment];
  }
  return node;
}

/** The shape of values a schema node accepts; unresolvable, boolean-true and keyword-less nodes are open. */
export function schemaShape(node: JsonValue | undefined, root: JsonSchemaObject): Shape {
  const leaves: Located[] = [];
  const seen = new Set<JsonSchemaObject>();
  let isOpen = false;
  const expand = (value: JsonValue | undefined): void => {
    if (value === false) return;
    if (!isSchemaObject(value)) {
      isOpen = true;
      return;
    }
    if (seen.has(value)) return;
    seen.add(value);
    const ref = value.$ref;
    if (typeof ref === 'string') expand(resolveRef(ref, root));
    const branches = [...BRANCHES.flatMap((k) => { const b = value[k]; return Array.isArray(b) ? b : []; }),
      ...['then', 'else'].flatMap((k) => (hasOwn(value, k) ? [value[k] as JsonValue] : [])),
      ...(isSchemaObject(value.dependentSchemas) ? Object.values(value.dependentSchemas) : [])];
    branches.forEach(expand);
    if (STRUCTURAL.some((k) => hasOwn(value, k))) leaves.push({ node: value, root });
    else if (typeof ref !== 'string' && branches.length === 0) isOpen = true;
  };
  expand(node);
  return isOpen ? open() : { kind: 'schema', leaves };
}

function typeOfValue(value: JsonValue): Coarse {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : (typeof value as 'number' | 'string' | 'boolean');
}

const TYPE_KEYWORDS: ReadonlyMap<JsonValue, Coarse> = new Map<JsonValue, Coarse>([
  ['number', 'number'], ['integer', 'number'], ['string', 'string'], ['boolean', 'boolean'],
  ['array', 'array'], ['object', 'object'], ['null', 'null'],
]);

function typeOfLeaf({ node }: Located): Coarse {
  const { type } = node;
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type : null;
  if (types !== null) {
    const coarse = joinTypes(types.map((t) => TYPE_KEYWORDS.get(t) ?? 'any'));
    return coarse === 'string' && (node.format === 'date' || node.format === 'date-time') ? 'date' : coarse;
  }
  if (hasOwn(node, 'const')) return typeOfValue(node.const as JsonValue);
  if (Array.isArray(node.enum)) return joinTypes(node.enum.map(typeOfValue));
  if (hasOwn(node, 'properties')) return 'object';
  if (hasOwn(node, 'items') || hasOwn(node, 'prefixItems')) return 'array';
  return 'any';
}

function typeOfLeaves(leaves: readonly Located[]): Coarse {
  return leaves.length === 0 ? 'any' : joinTypes(leaves.map(typeOfLeaf));
}

/** Null joins as "maybe missing" (json-logic-js reads a missing field as null), dates are texts. */
export function joinTypes(types: readonly Coarse[]): Coarse {
  return types.reduce<Coarse | null>((a, b) => {
    if (a === null || a === b || b === 'null') return a ?? b;
    if (a === 'null') return b;
    if ((a === 'date' && b === 'string') || (a === 'string' && b === 'date')) return 'string';
    return 'any';
  }, null) ?? 'null';
}

export function typeOfShape(shape: Shape): Coarse {
  switch (shape.kind) {
    case 'schema': return typeOfLeaves(shape.leaves);
    case 'list': return 'array';
    case 'record': return 'object';
    case 'open': return shape.type;
  }
}

export function unionShapes(shapes: readonly Shape[]): Shape {
  const [first, ...rest] = shapes;
  if (first === undefined) return open('null');
  if (rest.length === 0) return first;
  if (shapes.every((s) => s.kind === 'schema')) {
    return { kind: 'schema', leaves: [...new Set(shapes.flatMap((s) => (s.kind === 'schema' ? s.leaves : [])))] };
  }
  if (shapes.every((s) => s.kind === 'list')) return { kind: 'list', items: unionShapes(shapes.map(itemsOf)) };
  return open(joinTypes(shapes.map(typeOfShape)));
}

const isIndex = (segment: string): boolean => /^\d+$/.test(segment);

/** The shape at one path segment below `shape`: 'missing' if no schema branch has it. */
export function childShape(shape: Shape, segment: string): Shape | 'missing' {
  switch (shape.kind) {
    case 'open': return open();
    case 'record': return hasOwn(shape.props, segment) ? shape.props[segment] as Shape : 'missing';
    case 'list': return isIndex(segment) ? shape.items : 'missing';
    case 'schema': {
      const found: Shape[] = [];
      for (const { node, root } of shape.leaves) {
        const { properties, additionalProperties: extra, prefixItems, items } = node;
        if (isSchemaObject(properties) && hasOwn(properties, segment)) found.push(schemaShape(properties[segment], root));
        // a declared open-ended object (patternProperties are never run: user regexes) accepts any key
        else if (hasOwn(node, 'patternProperties') || extra === true) found.push(open());
        else if (isSchemaObject(extra)) found.push(schemaShape(extra, root));
        if (isIndex(segment) && typeOfLeaf({ node, root }) === 'array') {
          const prefix = Array.isArray(prefixItems) ? prefixItems[Number(segment)] : undefined;
          found.push(schemaShape(prefix ?? items ?? true, root));
        }
      }
      return found.length === 0 ? 'missing' : unionShapes(found);
    }
  }
}

/** The field names declared at this level, for "did you mean". */
export function knownKeys(shape: Shape): string[] {
  if (shape.kind === 'record') return Object.keys(shape.props);
  if (shape.kind !== 'schema') return [];
  return [...new Set(shape.leaves.flatMap(({ node }) => (isSchemaObject(node.properties) ? Object.keys(node.properties) : [])))];
}

/** The shape of the items of an array-valued shape (open when unknown or not an array). */
export function itemsOf(shape: Shape): Shape {
  if (shape.kind === 'list') return shape.items;
  if (shape.kind !== 'schema') return open();
  const items: Shape[] = [];
  for (const { node, root } of shape.leaves) {
    if (Array.isArray(node.prefixItems)) items.push(...node.prefixItems.map((s) => schemaShape(s, root)));
    if (hasOwn(node, 'items')) items.push(schemaShape(node.items, root));
    else if (typeOfLeaf({ node, root }) === 'array' && !Array.isArray(node.prefixItems)) items.push(open());
  }
  return items.length === 0 ? open() : unionShapes(items);
}
