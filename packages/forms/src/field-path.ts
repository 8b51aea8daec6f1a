/**
 * FieldPaths (`address.city`) split once into segments, so the per-submission work is plain
 * property access. Records are plain JSON objects produced by `cloneSubmission`, so own-property
 * checks are enough and no path can reach a prototype (forbidden segments never get this far:
 * `checkFormDefinition` rejects them and `compilePath` refuses them).
 */
import { TrellisError } from '@trellis/errors';
import { formProblems } from './problems.js';

export type JsonObject = Record<string, unknown>;

export interface FieldPath {
  readonly path: string;
  readonly segments: readonly string[];
  /** the last segment */
  readonly key: string;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Keys that lead into the object model. Compared directly: this runs for every submitted key. */
export function isForbiddenKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

export function compilePath(path: string): FieldPath {
  const segments = path.split('.');
  if (segments.some((s) => s === '' || isForbiddenKey(s))) {
    throw new TrellisError([formProblems.badFieldPath(path, path)]);
  }
  return { path, segments, key: segments[segments.length - 1] as string };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object holding the path's last segment, or undefined when an ancestor is absent or not an object. */
function parentOf(record: JsonObject, segments: readonly string[]): JsonObject | undefined {
  let current: JsonObject = record;
  for (let i = 0; i < segments.length - 1; i++) {
    const next = current[segments[i] as string];
    if (!isObject(next)) return undefined;
    current = next;
  }
  return current;
}

export function getAt(record: JsonObject, path: FieldPath): unknown {
  const parent = path.segments.length === 1 ? record : parentOf(record, path.segments);
  return parent !== undefined && hasOwn.call(parent, path.key) ? parent[path.key] : undefined;
}

export function hasParent(record: JsonObject, path: FieldPath): boolean {
  return path.segments.length === 1 || parentOf(record, path.segments) !== undefined;
}

/**
 * A submission being processed: the record and the scope rules read (rule-scope.ts: the context
 * keys plus the record's fields, or those of them the rules can read). Both share every nested
 * object; writes at the top level go to the scope too when it mirrors that field.
 */
export interface Working {
  readonly record: JsonObject;
  readonly scope: JsonObject;
  /** the top-level fields the scope mirrors; null: every field */
  readonly mirrored: ReadonlySet<string> | null;
}

function mirrors(mirrored: ReadonlySet<string> | null, key: string): boolean {
  return mirrored === null || mirrored.has(key);
}

/** Where a field's current value is read: the scope when it holds every field, else the record. */
export function fieldsOf({ record, scope, mirrored }: Working): JsonObject {
  return mirrored === null ? scope : record;
}

/**
 * Sets the value, creating missing parent objects. A parent that exists but is not an object is
 * left alone (the schema check reports it) and the value is not written.
 */
export function setField({ record, scope, mirrored }: Working, path: FieldPath, value: unknown): void {
  const { segments } = path;
  const top = segments[0] as string;
  if (segments.length === 1) {
    record[top] = value;
    if (mirrors(mirrored, top)) scope[top] = value;
    return;
  }
  let current = record[top];
  if (current === undefined) {
    current = {};
    record[top] = current;
    if (mirrors(mirrored, top)) scope[top] = current;
  }
  for (let i = 1; i < segments.length - 1; i++) {
    if (!isObject(current)) return;
    const segment = segments[i] as string;
    const next: unknown = current[segment];
    if (next === undefined) current[segment] = {};
    current = current[segment];
  }
  if (isObject(current)) current[path.key] = value;
}

export function deleteField({ record, scope, mirrored }: Working, path: FieldPath): void {
  if (path.segments.length === 1) {
    if (hasOwn.call(record, path.key)) {
      delete record[path.key];
      if (mirrors(mirrored, path.key)) delete scope[path.key];
    }
    return;
  }
  const parent = parentOf(record, path.segments);
  if (parent !== undefined && hasOwn.call(parent, path.key)) delete parent[path.key];
}

/** True when `a` is `b`, or one lies inside the other (`address` and `address.city`). */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`);
}
