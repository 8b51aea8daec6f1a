/**
 * What the form needs to know about a record's JSON Schema, found once per definition: which field
 * paths exist, which are required, which carry a `default`, and the copy of the schema with
 * conditional fields' `required` lifted (the runtime enforces those itself, knowing visibility).
 */
import type { JsonValue } from '@trellis/rules';

type SchemaNode = Readonly<Record<string, unknown>>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownProperties(node: SchemaNode): Readonly<Record<string, unknown>> {
  return isNode(node.properties) ? node.properties : {};
}

function requiredKeys(node: SchemaNode): readonly unknown[] {
  return Array.isArray(node.required) ? node.required : [];
}

/** Resolves a local JSON pointer (`#/$defs/address`); anything else resolves to nothing. */
function resolveLocalRef(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#')) return undefined;
  let current: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isNode(current) || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = current[key];
  }
  return isNode(current) ? current : undefined;
}

const BRANCH_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const BRANCH_NODES = ['then', 'else'] as const;

/**
 * The schemas that describe the properties of an object value: the node itself, its local `$ref`
 * target, and its `allOf`/`anyOf`/`oneOf`/`then`/`else` branches, transitively. `seen` stops
 * recursive `$ref`s.
 */
function objectShapes(root: SchemaNode, node: SchemaNode, seen = new Set<SchemaNode>()): SchemaNode[] {
  if (seen.has(node)) return [];
  seen.add(node);
  const shapes = [node];
  if (typeof node.$ref === 'string') {
    const target = resolveLocalRef(root, node.$ref);
    if (target !== undefined) shapes.push(...objectShapes(root, target, seen));
  }
  for (const list of BRANCH_LISTS) {
    const branches = node[list];
    if (Array.isArray(branches)) {
      for (const branch of branches) if (isNode(branch)) shapes.push(...objectShapes(root, branch, seen));
    }
  }
  for (const key of BRANCH_NODES) {
    const branch = node[key];
    if (isNode(branch)) shapes.push(...objectShapes(root, branch, seen));
  }
  return shapes;
}

/** The names of the properties an object schema declares, in every shape it can take. */
function declaredProperties(root: SchemaNode, node: SchemaNode): Map<string, SchemaNode[]> {
  const found = new Map<string, SchemaNode[]>();
  for (const shape of objectShapes(root, node)) {
    for (const [name, sub] of Object.entries(ownProperties(shape))) {
      if (!isNode(sub)) continue;
      const list = found.get(name);
      if (list === undefined) found.set(name, [sub]);
      else list.push(sub);
    }
  }
  return found;
}

/** Every field path the schema declares (nested objects included, array items not), up to `maxDepth` levels. */
export function schemaFieldPaths(schema: SchemaNode, maxDepth = 16): string[] {
  const paths: string[] = [];
  const walk = (nodes: readonly SchemaNode[], prefix: string, depth: number): void => {
    if (depth > maxDepth) return;
    const children = new Map<string, SchemaNode[]>();
    for (const node of nodes) {
      for (const [name, subs] of declaredProperties(schema, node)) {
        children.set(name, [...(children.get(name) ?? []), ...subs]);
      }
    }
    for (const [name, subs] of children) {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      paths.push(path);
      walk(subs, path, depth + 1);
    }
  };
  walk([schema], '', 1);
  return paths;
}

/**
 * Walks plain `properties` chains only (no `$ref`, no combinators): these are the places the runtime
 * may rewrite or read statically. Calls `visit` with each property's path, its schema and its parent.
 */
function walkProperties(
  node: SchemaNode,
  visit: (path: string, property: SchemaNode, parent: SchemaNode, key: string) => void,
  prefix = '',
): void {
  for (const [key, property] of Object.entries(ownProperties(node))) {
    if (!isNode(property)) continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    visit(path, property, node, key);
    walkProperties(property, visit, path);
  }
}

/** Field paths listed in their parent's `required` (along plain `properties` chains). */
export function staticallyRequired(schema: SchemaNode): string[] {
  const paths: string[] = [];
  walkProperties(schema, (path, _property, parent, key) => {
    if (requiredKeys(parent).includes(key)) paths.push(path);
  });
  return paths;
}

/** JSON Schema `default`s along plain `properties` chains, outermost first. */
export function schemaDefaults(schema: SchemaNode): { path: string; value: JsonValue }[] {
  const defaults: { path: string; value: JsonValue }[] = [];
  walkProperties(schema, (path, property) => {
    if (property.default !== undefined) defaults.push({ path, value: property.default as JsonValue });
  });
  return defaults;
}

/**
 * A copy of the schema in which the given fields are no longer listed in their parent's `required`.
 * Only plain `properties` chains are rewritten; the runtime also ignores any schema problem under a
 * hidden field, which covers `required` stated elsewhere (a shared `$defs` entry, `allOf`).
 */
export function withoutRequired(schema: SchemaNode, paths: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(schema) as Record<string, unknown>;
  for (const path of paths) {
    const segments = path.split('.');
    let parent: Record<string, unknown> | undefined = copy;
    for (const segment of segments.slice(0, -1)) {
      const next: unknown = parent === undefined ? undefined : ownProperties(parent)[segment];
      parent = isNode(next) ? (next as Record<string, unknown>) : undefined;
    }
    if (parent !== undefined && Array.isArray(parent.required)) {
      const key = segments[segments.length - 1];
      parent.required = parent.required.filter((name: unknown) => name !== key);
    }
  }
  return copy;
}
