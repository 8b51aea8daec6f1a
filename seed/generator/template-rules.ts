/**
 * The template's rules as functions. A rule is either JSON Logic or a decision table, which the
 * rules package compiles to JSON Logic; either way it then runs on the compiled evaluator.
 */
import type { AppTemplate, RuleDefinition } from '@trellis/definitions';
import { compileDecisionTable, compileRule, type JsonValue, type Rule } from '@trellis/rules';
import { ruleOf } from '../template.js';

/** The JSON Logic a rule definition stands for. */
export function ruleLogic(rule: RuleDefinition): Rule {
  if (rule.table !== undefined) return compileDecisionTable(rule.table);
  if (rule.logic !== undefined) return rule.logic;
  throw new Error(`rule "${rule.id}" has neither logic nor table`);
}

export type RuleFunction = (data: unknown) => JsonValue;

export function templateRule(app: AppTemplate, id: string): RuleFunction {
  return compileRule(ruleLogic(ruleOf(app, id)));
}

/** The text output `key` of a multi-output decision table's result. */
export function textOutput(result: JsonValue, key: string): string {
  if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
    const value = result[key];
    if (typeof value === 'string') return value;
  }
  throw new Error(`expected a rule result with a text "${key}", got ${JSON.stringify(result)}`);
}
