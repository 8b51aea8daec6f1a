import { isTrellisError, type TrellisError } from '@trellis/errors';
import { ruleError, ruleProblems } from '../errors.js';
import { lookupVar } from '../var-lookup.js';

/**
 * The helpers generated code calls for what is not worth inlining. Each does exactly what
 * json-logic-js 2.0.5 does on already-evaluated arguments (reference.ts runs the library itself).
 */

const hasOwn = Object.prototype.hasOwnProperty;

/** One `var` path segment: the own property, or undefined (not found: the caller falls back). */
export function ownProperty(value: unknown, key: string): unknown {
  if (value === null || value === undefined || !hasOwn.call(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

/** `in`: substring for strings, strict membership for arrays, false for anything without indexOf. */
export function contains(needle: unknown, haystack: unknown): boolean {
  if (!haystack || typeof (haystack as { indexOf?: unknown }).indexOf === 'undefined') return false;
  return (haystack as { indexOf(x: unknown): number }).indexOf(needle) !== -1;
}

/** `substr`: String.prototype.substr, and a negative length drops that many characters from the end. */
export function substr(source: unknown, start: unknown, length: unknown): string {
  const text = String(source);
  if ((length as number) < 0) {
    const rest = text.substr(start as number);
    // `+` as json-logic-js has it: a length given as text concatenates (and then counts as 0)
    return rest.substr(0, rest.length + (length as number));
  }
  return text.substr(start as number, length as number);
}

/** json-logic-js's test for "this object is an operation". */
export function isOperation(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;
}

/** Evaluates a value as a rule; used where json-logic-js re-applies values met at run time. */
export type ApplyRule = (rule: unknown, data: unknown) => unknown;

/** What `apply(value)` gives for a value that is already evaluated once: arrays copied, operations run. */
function reapply(apply: ApplyRule, value: unknown, data: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => reapply(apply, item, data));
  return isOperation(value) ? apply(value, data) : value;
}

/** `apply({"var": key}, data)`, as json-logic-js's `missing` does for each key. */
function keyValue(apply: ApplyRule, data: unknown, key: unknown): unknown {
  if (Array.isArray(key)) {
    const args = key.map((item) => reapply(apply, item, data));
    return lookupVar(data, args[0], args[1]);
  }
  return lookupVar(data, reapply(apply, key, data), undefined);
}

/** `missing` on evaluated arguments: one array argument is the key list, else every argument is a key. */
export function missingKeys(apply: ApplyRule, data: unknown, args: readonly unknown[]): unknown[] {
  const keys: readonly unknown[] = Array.isArray(args[0]) ? args[0] : args;
  const missing: unknown[] = [];
  for (let i = 0; i < keys.length; i++) {
    const value = keyValue(apply, data, keys[i]);
    if (value === null || value === '') missing.push(keys[i]);
  }
  return missing;
}

/** `missing_some`: [] when at least `need` of the keys are present, else the missing ones. */
export function missingSome(apply: ApplyRule, data: unknown, need: unknown, options: unknown): unknown[] {
  const args = Array.isArray(options) ? options : [options];
  const missing = missingKeys(apply, data, args.map((arg) => reapply(apply, arg, data)));
  // `options.length` throws for null and undefined, exactly as in json-logic-js
  return (options as { length: number }).length - missing.length >= (need as number) ? [] : missing;
}

/** `*` with no arguments: json-logic-js reduces an empty list without an initial value, a TypeError. */
export function emptyProduct(): TrellisError {
  return ruleError(ruleProblems.evaluationFailed('Reduce of empty array with no initial value'));
}

export function stepsExceeded(limit: number): TrellisError {
  return ruleError(ruleProblems.budgetExceeded('maxSteps', limit));
}

export function arrayTooLong(limit: number): TrellisError {
  return ruleError(ruleProblems.budgetExceeded('maxArrayLength', limit));
}

/** Any failure while evaluating, as the reference reports it: Trellis errors as they are, JS errors wrapped. */
export function toRuleError(error: unknown): TrellisError {
  if (isTrellisError(error)) return error;
  return ruleError(ruleProblems.evaluationFailed(error instanceof Error ? error.message : String(error)));
}
