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

type Predicate = (data: unknown) => boolean;

/**
 * Predicates by rule object: a metric's filter is asked for each subject of a run, and wrapping the
 * rule anew each time would make the rules' cache print it every time. Rules are not mutated once used.
 */
const predicates = new WeakMap<object, Partial<Record<EvaluatorKind, Predicate>>>();

/** JSON Logic truthiness ([] is falsy, "0" is not), by the rules' own `!!`. */
export function predicateFn(rule: Rule, kind: EvaluatorKind): Predicate {
  const holder = typeof rule === 'object' && rule !== null ? rule : null;
  const known = holder === null ? undefined : predicates.get(holder)?.[kind];
  if (known !== undefined) return known;
  const fn = ruleFn({ '!!': [rule] }, kind);
  const predicate: Predicate = (data) => fn(data) === true;
  if (holder !== null) predicates.set(holder, { ...predicates.get(holder), [kind]: predicate });
  return predicate;
}
