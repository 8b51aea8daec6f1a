import { fail, isTrellisError, ok, type Result } from '@trellis/errors';
import {
  checkRuleSafety, evaluateCompiled, evaluateReference, ruleProblems, type JsonValue, type Rule,
} from '@trellis/rules';
import { canonicalJson } from './canonical.js';

/** The two evaluators: json-logic-js itself (the semantics) and the compiled one (the hot path). */
export const RULE_ENGINES = ['reference', 'compiled'] as const;
export type RuleEngine = (typeof RULE_ENGINES)[number];

const EVALUATE: Readonly<Record<RuleEngine, (rule: Rule, data: unknown) => JsonValue>> = {
  reference: evaluateReference,
  compiled: evaluateCompiled,
};

/**
 * Evaluates a rule as the product does: a rule that fails the save-time safety checks is refused
 * (those problems are the result), and an evaluation failure is a value, not an exception.
 */
export function evaluateRule(rule: Rule, data: unknown, engine: RuleEngine = 'reference'): Result<JsonValue> {
  const unsafe = checkRuleSafety(rule);
  if (unsafe.length > 0) return fail(unsafe);
  return attemptRule(() => EVALUATE[engine](rule, data));
}

/** Runs something that evaluates a rule (evaluation, trace), turning its failure into problems. */
export function attemptRule<T>(evaluate: () => T): Result<T> {
  try {
    return ok(evaluate());
  } catch (error) {
    if (isTrellisError(error)) return fail(error.problems);
    return fail([ruleProblems.evaluationFailed(error instanceof Error ? error.message : String(error))]);
  }
}

/** A regression case of a rule: the result it must give on `data`, or that it must fail. */
export interface RuleCase {
  readonly data?: JsonValue;
  readonly expect?: JsonValue;
  readonly error?: true;
}

export interface RuleCaseOutcome {
  readonly passed: boolean;
  readonly actual: Result<JsonValue>;
}

/** JSON equality: same canonical text (key order does not matter, 1 and 1.0 are the same number). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function runRuleCase(rule: Rule, testCase: RuleCase, engine: RuleEngine = 'reference'): RuleCaseOutcome {
  // json-logic-js evaluates over {} when no data is given
  const actual = evaluateRule(rule, testCase.data === undefined ? {} : testCase.data, engine);
  const passed = testCase.error === true ? !actual.ok : actual.ok && sameJson(actual.value, testCase.expect);
  return { passed, actual };
}
