/**
 * The one copy a submission gets: the runtime then fills in defaults and drops hidden values
 * without touching the caller's object. The walk over the copy doubles as the input check: only
 * JSON values pass (a property whose value is `undefined` counts as absent, as in JSON.stringify
 * and rjsf form data), `__proto__`/`constructor`/`prototype` keys are refused at every depth, and
 * top-level keys starting with `$` are refused because they would shadow the rule context
 * (`$user`, `$now`).
 *
 * Speed: one for-in pass per object both checks and copies (Object.keys + Object.values +
 * Object.assign + a check loop took 60% longer); the copies are built key by key from `{}`, which
 * keeps them fast V8 objects for ajv and for the defaults added later (spread copies are fast, but
 * adding a property to one afterwards is slow); field paths are only built for nested values and
 * for problems, not for every key.
 */
import type { Problem } from '@trellis/errors';
import { isForbiddenKey, type JsonObject } from './field-path.js';
import { formProblems } from './problems.js';

/** Deeper values are refused: they cannot come from a form and would exhaust the stack. */
export const MAX_VALUE_DEPTH = 64;

const objectProto = Object.prototype;
const hasOwn = Object.prototype.hasOwnProperty;

export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === objectProto || proto === null;
}

/** A checked copy of the submission's fields; every problem found is pushed to `problems`. */
export function cloneSubmission(submission: JsonObject, problems: Problem[]): JsonObject {
  return copyObject(submission, '', 0, problems);
}

export const join = (parent: string, key: string): string => (parent === '' ? key : `${parent}.${key}`);

/** A refused key: into the object model anywhere, or a context key (`$…`) at the top level. */
function isRefused(key: string, top: boolean): boolean {
  return isForbiddenKey(key) || (top && key.charCodeAt(0) === 36); /* $ */
}

function isJsonPrimitive(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

export function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value;
}

/** The copy of a plain object found in the submission; `copy` is how nested plain objects are copied. */
export type ObjectCopier = (source: JsonObject, path: string, depth: number, problems: Problem[]) => JsonObject;

export function copyObject(source: JsonObject, path: string, depth: number, problems: Problem[]): JsonObject {
  const copy: JsonObject = {};
  // one pass that checks and copies; for-in with an own-property test lists what Object.keys lists
  for (const key in source) {
    if (hasOwn.call(source, key)) copyProperty(copy, source, key, path, depth, problems);
  }
  return copy;
}

/** One own property of `source` into `copy`, checked (the body of copyObject's loop). */
export function copyProperty(copy: JsonObject, source: JsonObject, key: string, path: string, depth: number, problems: Problem[]): void {
  const top = depth === 0;
  // a refused key is never written: writing `__proto__` would change the copy's prototype
  if (isRefused(key, top)) {
    problems.push(top && !isForbiddenKey(key) ? formProblems.reservedKey(key) : formProblems.forbiddenKey(join(path, key), key));
    return;
  }
  const value = source[key];
  if (typeof value === 'object') {
    copy[key] = value === null ? null : copyValue(value, join(path, key), depth + 1, problems, copyObject);
  } else if (isJsonPrimitive(value)) {
    copy[key] = value;
  } else if (value !== undefined) {
    problems.push(formProblems.notJson(join(path, key), describe(value)));
    copy[key] = null;
  }
}

/** A non-null object value: arrays item by item, plain objects with `copyPlain`, anything else refused. */
export function copyValue(value: object, path: string, depth: number, problems: Problem[], copyPlain: ObjectCopier): unknown {
  if (depth > MAX_VALUE_DEPTH) {
    problems.push(formProblems.notJson(path, `nested deeper than ${MAX_VALUE_DEPTH} levels`));
    return null;
  }
  if (Array.isArray(value)) {
    const items: unknown[] = value.slice();
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item === 'object' && item !== null) {
        items[i] = copyValue(item, `${path}.${i}`, depth + 1, problems, copyObject);
      } else if (item !== null && !isJsonPrimitive(item)) {
        problems.push(formProblems.notJson(`${path}.${i}`, describe(item)));
        items[i] = null;
      }
    }
    return items;
  }
  if (isPlainObject(value)) return copyPlain(value, path, depth, problems);
  problems.push(formProblems.notJson(path, 'a non-plain object'));
  return null;
}

/** A definition's default value, copied per record so that records never share a mutable default. */
export function cloneJson<T>(value: T): T {
  return typeof value === 'object' && value !== null ? (structuredClone(value) as T) : value;
}
