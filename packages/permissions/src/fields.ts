import type { JsonValue } from '@trellis/rules';
import type { FieldSet, JsonObject } from './types.js';

/** Whether the set names `path` or a field above it (`address` covers `address.city`). */
export function covers(set: FieldSet, path: string): boolean {
  return set === '*' || set.some((field) => path === field || path.startsWith(`${field}.`));
}

/** Whether the set names a field below `path`, so part of the object at `path` is covered. */
function coversBelow(set: readonly string[], path: string): boolean {
  return set.some((field) => field.startsWith(`${path}.`));
}

export function unionFields(sets: readonly FieldSet[]): FieldSet {
  if (sets.includes('*')) return '*';
  return [...new Set(sets.flatMap((set) => set as readonly string[]))];
}

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The data reduced to the fields of the set, keys in their original order. Object.fromEntries
 * defines properties, so a `__proto__` key stays data and never becomes a prototype.
 */
export function pickFields(data: JsonObject, set: FieldSet, prefix = ''): JsonObject {
  if (set === '*') return structuredClone(data);
  const kept: [string, JsonValue][] = [];
  for (const [key, value] of Object.entries(data)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (covers(set, path)) kept.push([key, structuredClone(value)]);
    else if (isPlainObject(value) && coversBelow(set, path)) kept.push([key, pickFields(value, set, path)]);
  }
  return Object.fromEntries(kept);
}

/** JSON equality where a missing value and null are the same: neither holds anything. */
export function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return a === b;
}

/**
 * The field paths whose value differs between two versions of a record, as deep as both sides
 * are objects (so a change to `address.city` is reported as that, not as `address`); arrays are
 * values of their own.
 */
export function changedPaths(before: JsonObject, after: JsonObject, prefix = ''): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((key) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const [was, is] = [before[key], after[key]];
    const objectOrEmpty = (v: JsonValue | undefined) => v === undefined || v === null || isPlainObject(v);
    if ((isPlainObject(was) || isPlainObject(is)) && objectOrEmpty(was) && objectOrEmpty(is)) {
      return changedPaths(isPlainObject(was) ? was : {}, isPlainObject(is) ? is : {}, path);
    }
    return sameValue(was, is) ? [] : [path];
  });
}

/** The value at a field path, undefined when any step is missing. */
export function valueAt(data: JsonObject, path: string): JsonValue | undefined {
  let node: JsonValue | undefined = data;
  for (const segment of path.split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}
