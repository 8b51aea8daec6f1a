import { compileRule, evaluateReference, type JsonValue, type Rule } from '@trellis/rules';

/**
 * The two ways to run a program's rules: the compiled evaluator (a JS function per rule, for runs)
 * and the reference (json-logic-js itself). They must give identical payouts; a property test checks it.
 */
export type EvaluatorKind = 'compiled' | 'reference';

export type RuleFn = (data: unknown) => JsonValue;

export function ruleFn(rule: Rule, kind: EvaluatorKind): RuleFn {
  if (kind === 'reference') return (data) => evaluateReference(rule, data);
  return compileRule(rule);
}

/** JSON Logic truthiness ([] is falsy, "0" is not), by the rules' own `!!`. */
export function predicateFn(rule: Rule, kind: EvaluatorKind): (data: unknown) => boolean {
  const fn = ruleFn({ '!!': [rule] }, kind);
  return (data) => fn(data) === true;
}
