import type { JsonValue, Rule } from '../types.js';

/**
 * A rule that evaluates to `value` exactly. json-logic-js evaluates array items and reads a one-key
 * object as an operation, so those need care: arrays are quoted item by item, and a one-key object is
 * carried inside a two-key object (which json-logic-js returns untouched, unevaluated) and taken out by
 * a `reduce` over a one-item list: {"reduce": [[{"quoted": v, "_": 0}], {"var": "current.quoted"}]}.
 * Every other value is its own rule.
 */
export function quoteLiteral(value: JsonValue): Rule {
  if (Array.isArray(value)) return value.map(quoteLiteral);
  if (value === null || typeof value !== 'object' || Object.keys(value).length !== 1) return value;
  return { reduce: [[{ quoted: value, _: 0 }], { var: 'current.quoted' }] };
}
