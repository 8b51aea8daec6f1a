import type { JsonValue } from './types.js';
import { ruleError, ruleProblems } from './errors.js';

/**
 * A rule's result must be a JSON value. json-logic-js happily returns NaN, Infinity or undefined
 * (`{"/":[1,0]}`); passing those on would store `null` or crash later, so both evaluators fail here.
 */
export function assertJsonResult(value: unknown): JsonValue {
  const bad = findNonJson(value, 0);
  if (bad !== null) throw ruleError(ruleProblems.nonJsonResult(bad));
  return value as JsonValue;
}

function findNonJson(value: unknown, depth: number): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : String(value);
    case 'undefined':
      return 'undefined';
    case 'object': {
      if (value === null) return null;
      if (depth > 64) return 'a too deeply nested value';
      const items = Array.isArray(value) ? value : Object.values(value);
      for (const item of items) {
        const bad = findNonJson(item, depth + 1);
        if (bad !== null) return bad;
      }
      return null;
    }
    default:
      return typeof value;
  }
}
