import type { JsonValue, Rule, RuleLimits } from '../types.js';
import { DEFAULT_LIMITS } from '../types.js';
import { ruleError, ruleProblems } from '../errors.js';
import { assertJsonResult } from '../json-result.js';
import { lookupVar } from '../var-lookup.js';
import { evaluateReference } from '../reference.js';
import { CompiledCache } from './cache.js';
import { generate, type Fold, type Generated, type Helpers } from './generate.js';
import {
  arrayTooLong, contains, emptyProduct, missingKeys, missingSome, ownProperty, stepsExceeded, substr, toRuleError,
} from './runtime.js';

/** A rule turned into a JS function: same results as evaluateReference, same error codes. */
export type CompiledRule = (data?: unknown) => JsonValue;

type RawRule = (data?: unknown) => unknown;

const cache = new CompiledCache<RawRule>(1_000);

/** Rules json-logic-js evaluates while running one (`missing` keys that are operations): results go on unchecked. */
function applyAtRunTime(rule: unknown, data: unknown): unknown {
  return compiled(rule, DEFAULT_LIMITS, false)(data);
}

const helpers: Helpers = {
  OP: Object.prototype,
  ownProperty,
  lookupVar,
  contains,
  substr,
  missing: (data, args) => missingKeys(applyAtRunTime, data, args),
  missingSome: (data, need, options) => missingSome(applyAtRunTime, data, need, options),
  emptyProduct,
  unknownOperator: (op) => ruleError(ruleProblems.unknownOperator('', op)),
  stepsExceeded,
  arrayTooLong,
  toRuleError,
  assertJsonResult,
};

function instantiate(generated: Generated): RawRule {
  // The source is ours: operators are looked up in a fixed table, every value from the rule is a
  // JSON-escaped literal or an element of the constants array, never text pasted into code.
  const factory = new Function('K', 'H', generated.source) as (constants: readonly unknown[], h: Helpers) => RawRule;
  return factory(generated.constants, helpers);
}

/**
 * Constant sub-rules (`{"/": [8, 100]}`) are evaluated once, while compiling, by the reference itself:
 * by definition it gives the value the compiled code would. Non-JSON values (NaN…) are left to run time.
 */
const fold: Fold = (rule) => {
  try {
    return { value: evaluateReference(rule as Rule) };
  } catch {
    return null;
  }
};

function build(rule: unknown, limits: RuleLimits, checkResult: boolean): RawRule {
  try {
    return instantiate(generate(rule, limits, { checkResult, fold }));
  } catch (error) {
    throw toRuleError(error); // e.g. a rule nested too deeply for the JS stack
  }
}

function compiled(rule: unknown, limits: RuleLimits, checkResult: boolean): RawRule {
  const variant = `${checkResult ? 'checked' : 'raw'} ${limits.maxSteps} ${limits.maxArrayLength}`;
  return cache.get(rule, variant, () => build(rule, limits, checkResult));
}

function resolveLimits(limits: Partial<RuleLimits> | undefined): RuleLimits {
  if (limits === undefined) return DEFAULT_LIMITS;
  const merged = { ...DEFAULT_LIMITS, ...limits };
  return { ...merged, maxSteps: Number(merged.maxSteps), maxArrayLength: Number(merged.maxArrayLength) };
}

/**
 * Compiles a rule to a JS function (cached). The function returns and throws exactly what
 * evaluateReference does, RULE_UNKNOWN_OPERATOR included: like json-logic-js it fails on an unknown
 * operator when it reaches it, not before (`{"if": [true, 1, {"nope": 1}]}` is 1; the conformance
 * suites check this laziness, and save-time checks reject such rules anyway). It also throws
 * RULE_BUDGET_EXCEEDED past `maxSteps` iterator steps or an array longer than `maxArrayLength`.
 */
export function compileRule(rule: Rule, limits?: Partial<RuleLimits>): CompiledRule {
  return compiled(rule, resolveLimits(limits), true) as CompiledRule;
}

/** evaluateReference's drop-in for hot paths: compiled once per rule, then a plain function call. */
export function evaluateCompiled(rule: Rule, data?: unknown): JsonValue {
  return compileRule(rule)(data);
}

/** Forgets every compiled rule (tests, or after bulk rule changes to release memory). */
export function clearCompiledCache(): void {
  cache.clear();
}
