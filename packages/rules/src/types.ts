/** A JSON value: what rules, data and results are made of. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Logic expression. Any JSON value is a rule; objects with one key are operations. */
export type Rule = JsonValue;

/** Bounds on what one rule may be (checked at save time) and cost (checked at run time). */
export interface RuleLimits {
  /** deepest nesting of operations */
  readonly maxDepth: number;
  /** number of JSON nodes in the rule */
  readonly maxNodes: number;
  /** iterator (map/filter/reduce/all/some/none) nesting allowed */
  readonly maxIteratorNesting: number;
  /** evaluation steps (operations applied) before evaluation is stopped */
  readonly maxSteps: number;
  /** largest array a merge/map/filter may produce or walk */
  readonly maxArrayLength: number;
}

export const DEFAULT_LIMITS: RuleLimits = {
  maxDepth: 32,
  maxNodes: 2_000,
  maxIteratorNesting: 1,
  maxSteps: 1_000_000,
  maxArrayLength: 100_000,
};
