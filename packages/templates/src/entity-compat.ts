import { joinPath, type Problem } from '@trellis/errors';
import { templateProblems } from './problems.js';

type SchemaNode = Record<string, unknown>;

function asNode(value: unknown): SchemaNode | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}

/** Follows local `$ref`s (`#/$defs/x`), the only kind definitions may use; gives up on cycles. */
function resolve(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  const seen = new Set<string>();
  while (current !== undefined && typeof current.$ref === 'string' && current.$ref.startsWith('#')) {
    const ref = current.$ref;
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    let target: unknown = root;
    for (const raw of ref.slice(1).split('/').filter((s) => s !== '')) {
      const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      target = asNode(target)?.[key];
    }
    current = asNode(target);
  }
  return current;
}

/** The JSON types a schema admits; undefined when it does not restrict the type. */
function typesOf(node: SchemaNode): string[] | undefined {
  const { type } = node;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return undefined;
}

/** Every value of the old types is still accepted by the new ones (integer widens to number). */
function typesCompatible(before: string[] | undefined, after: string[] | undefined): boolean {
  if (after === undefined) return true;
  if (before === undefined) return false;
  return before.every((t) => after.includes(t) || (t === 'integer' && after.includes('number')));
}

function propertiesOf(node: SchemaNode): Record<string, unknown> {
  return asNode(node.properties) ?? {};
}

function requiredOf(node: SchemaNode): Set<string> {
  return new Set(Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : []);
}

function propertyPath(path: string, name: string): string {
  return joinPath(path, `properties/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`);
}

interface Walk {
  readonly beforeRoot: SchemaNode;
  readonly afterRoot: SchemaNode;
  readonly definedDefaults: ReadonlySet<string>;
  readonly problems: Problem[];
}

function compareObject(walk: Walk, before: SchemaNode, after: SchemaNode, field: string, path: string): void {
  const oldProps = propertiesOf(before);
  const newProps = propertiesOf(after);
  const oldRequired = requiredOf(before);
  for (const [name, oldRaw] of Object.entries(oldProps)) {
    const fieldPath = field === '' ? name : `${field}.${name}`;
    const at = propertyPath(path, name);
    const oldNode = resolve(walk.beforeRoot, asNode(oldRaw));
    const newNode = resolve(walk.afterRoot, asNode(newProps[name]));
    if (!(name in newProps)) {
      walk.problems.push(templateProblems.propertyRemoved(at, fieldPath));
      continue;
    }
    if (oldNode === undefined || newNode === undefined) continue;
    const oldTypes = typesOf(oldNode);
    const newTypes = typesOf(newNode);
    if (!typesCompatible(oldTypes, newTypes)) {
      walk.problems.push(templateProblems.propertyTypeChanged(at, fieldPath, oldTypes ?? ['any'], newTypes ?? ['any']));
    } else if (oldTypes?.includes('object') === true) {
      compareObject(walk, oldNode, newNode, fieldPath, at);
    }
  }
  // Only levels that existed before hold stored values; a new optional object brings no record
  // out of date, and a new required one is reported here, at its own level.
  for (const name of requiredOf(after)) {
    if (oldRequired.has(name)) continue;
    const fieldPath = field === '' ? name : `${field}.${name}`;
    const newNode = resolve(walk.afterRoot, asNode(newProps[name]));
    if (newNode !== undefined && 'default' in newNode) continue;
    if (walk.definedDefaults.has(fieldPath)) continue;
    walk.problems.push(templateProblems.requiredWithoutDefault(propertyPath(path, name), fieldPath));
  }
}

/**
 * What in a new version of an entity would make records stored under the old version invalid:
 * a removed property, a property whose type no longer admits the old values, a property newly
 * required without a default (in the schema or in `rules.defaults`). Follows `properties` through
 * nested objects and local `$ref`s. `path` is where the entity sits in the template.
 */
export function entityIncompatibilities(before: unknown, after: unknown, path: string): Problem[] {
  const beforeSchema = asNode(asNode(before)?.schema);
  const afterSchema = asNode(asNode(after)?.schema);
  if (beforeSchema === undefined || afterSchema === undefined) return [];
  const defaults = asNode(asNode(asNode(after)?.rules)?.defaults) ?? {};
  const walk: Walk = {
    beforeRoot: beforeSchema,
    afterRoot: afterSchema,
    definedDefaults: new Set(Object.keys(defaults)),
    problems: [],
  };
  const oldRoot = resolve(beforeSchema, beforeSchema);
  const newRoot = resolve(afterSchema, afterSchema);
  if (oldRoot !== undefined && newRoot !== undefined) compareObject(walk, oldRoot, newRoot, '', joinPath(path, 'schema'));
  return walk.problems;
}
