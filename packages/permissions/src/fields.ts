import type { JsonValue } from '@trellis/rules';
import { fieldMatcher, type FieldMatcher } from './field-matcher.js';
import type { FieldSet, JsonObject } from './types.js';

/** Whether the set names `path` or a field above it (`address` covers `address.city`). */
export function covers(set: FieldSet, path: string): boolean {
  return set === '*' || set.some((field) => path === field || path.startsWith(`${field}.`));
}

/** The paths every set covers: '*' leaves the others; of two lists, each path of one that the other covers. */
export function intersectFields(sets: readonly FieldSet[]): FieldSet {
  return sets.reduce<FieldSet>((a, b) => {
    if (a === '*') return b;
    if (b === '*') return a;
    return [...new Set([...a.filter((path) => covers(b, path)), ...b.filter((path) => covers(a, path))])];
  }, '*');
}

export function unionFields(sets: readonly FieldSet[]): FieldSet {
  if (sets.includes('*')) return '*';
  return [...new Set(sets.flatMap((set) => set as readonly string[]))];
}

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own data property, also for a `__proto__` key (an assignment would set the prototype). */
function define(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * The data reduced to the fields of the set, keys in their original order. The result shares the
 * values it keeps with `data` (all of `data` for `'*'`) and never changes either: records are
 * read-only once stored, so a view needs no copy. A `__proto__` key stays data, never a prototype.
 */
export function pickFields(data: JsonObject, set: FieldSet, prefix = ''): JsonObject {
  return pickMatching(data, fieldMatcher(set), prefix);
}

/** pickFields with the set compiled once (see fieldMatcher). */
export function pickMatching(data: JsonObject, fields: FieldMatcher, prefix = ''): JsonObject {
  if (fields.all) return data;
  const kept: JsonObject = {};
  for (const key of Object.keys(data)) {
    const value = data[key] as JsonValue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (fields.covers(path)) define(kept, key, value);
    else if (isPlainObject(value) && fields.coversBelow(path)) define(kept, key, pickMatching(value, fields, path));
  }
  return kept;
}

/** Whether Object.keys(object) has the key. */
export const isOwnKey = (object: object, key: string) => Object.prototype.propertyIsEnumerable.call(object, key);

/** JSON equality where a missing value and null are the same: neither holds anything. */
export function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const key of Object.keys(a)) if (!sameValue(a[key], b[key])) return false;
    for (const key of Object.keys(b)) if (!isOwnKey(a, key) && !sameValue(a[key], b[key])) return false;
    return true;
  }
  return a === b;
}

/**
 * The field paths whose value differs between two versions of a record, as deep as both sides
 * are objects (so a change to `address.city` is reported as that, not as `address`); arrays are
 * values of their own.
 */
export function changedPaths(before: JsonObject, after: JsonObject, prefix = ''): string[] {
  const changed: string[] = [];
  collectChanges(before, after, prefix, null, changed);
  return changed;
}

const EMPTY: JsonObject = Object.freeze({});
const objectOrEmpty = (value: JsonValue | undefined) => value === undefined || value === null || isPlainObject(value);

/**
 * changedPaths into `changed`, leaving out the paths `skip` covers: a covered path covers every
 * path below it, so such subtrees are not even compared.
 */
export function collectChanges(before: JsonObject, after: JsonObject, prefix: string, skip: FieldMatcher | null, changed: string[]): void {
  // the keys of both, those of `before` first
  for (const key of Object.keys(before)) collectChange(before, after, key, prefix, skip, changed);
  for (const key of Object.keys(after)) if (!isOwnKey(before, key)) collectChange(before, after, key, prefix, skip, changed);
}

function collectChange(before: JsonObject, after: JsonObject, key: string, prefix: string, skip: FieldMatcher | null, changed: string[]): void {
  const path = prefix === '' ? key : `${prefix}.${key}`;
  const covered = skip !== null && skip.covers(path);
  // what a covered path has below it is covered too, unless the path is empty: the paths below
  // it do not start with it (`x`, not `.x`)
  if (covered && path !== '') return;
  const was = before[key];
  const is = after[key];
  if ((isPlainObject(was) || isPlainObject(is)) && objectOrEmpty(was) && objectOrEmpty(is)) {
    // `path` is not covered, so a path below it can be only by a field below it
    const below = skip !== null && (path === '' || skip.coversBelow(path)) ? skip : null;
    collectChanges(isPlainObject(was) ? was : EMPTY, isPlainObject(is) ? is : EMPTY, path, below, changed);
  } else if (!covered && !sameValue(was, is)) {
    changed.push(path);
  }
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
