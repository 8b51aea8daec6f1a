import type { RuleDefinition } from '@trellis/definitions';
import { problemsUnder, type Problem } from '@trellis/errors';
import { checkDecisionTable, checkRuleSafety, compileDecisionTable, type JsonSchemaObject, type Rule } from '@trellis/rules';
import { isError } from './severity.js';
import { templateProblems } from './problems.js';
import { checkEntityRef, checkRuleAt, entityScope, NOTHING, type RuleScope } from './rule-check.js';
import { runRuleCase } from './rule-run.js';
import type { TemplateIndex } from './template-index.js';

/** An entity rule reads the entity's records; any other rule reads its declared inputs (or nothing). */
function scopeOf(index: TemplateIndex, rule: RuleDefinition): RuleScope {
  if (rule.entity !== undefined) return entityScope(index, rule.entity);
  return { schema: (rule.inputs as JsonSchemaObject | undefined) ?? NOTHING, context: false };
}

/**
 * The expression the rule evaluates, with the problems of getting it: for a decision table its
 * cells and inputs, then the compiled JSON Logic's own limits (size), reported at the table.
 */
function expressionOf(rule: RuleDefinition, at: string, scope: RuleScope): { rule: Rule | undefined; problems: Problem[] } {
  if (rule.table === undefined) {
    const logic = rule.logic ?? null;
    return { rule: logic, problems: checkRuleAt(logic, `${at}.logic`, scope) };
  }
  const table = rule.table;
  const problems = [
    ...problemsUnder(`${at}.table`, checkDecisionTable(table)),
    ...table.inputs.flatMap((input, i) => checkRuleAt(input.expr, `${at}.table.inputs.${i}.expr`, scope)),
  ];
  if (problems.some(isError)) return { rule: undefined, problems };
  const compiled = compileDecisionTable(table);
  // positions inside the generated JSON Logic mean nothing to the author: report at the table
  problems.push(...checkRuleSafety(compiled).map((p) => ({ ...p, path: `${at}.table` })));
  return { rule: compiled, problems };
}

/** The rule's regression tests, run on the reference evaluator (the semantics). */
function checkTests(rule: RuleDefinition, expression: Rule, at: string): Problem[] {
  return (rule.tests ?? []).flatMap((test, i) => {
    const { passed, actual } = runRuleCase(expression, test);
    if (passed) return [];
    const path = `${at}.tests.${i}`;
    const name = test.name ?? `#${i + 1}`;
    if (actual.ok) {
      return [test.error === true
        ? templateProblems.ruleTestDidNotFail(path, name, actual.value)
        : templateProblems.ruleTestFailed(path, name, test.expect, actual.value)];
    }
    const cause = actual.problems[0];
    return cause === undefined ? [] : [templateProblems.ruleTestErrored(path, name, test.expect, cause)];
  });
}

export function checkRules(index: TemplateIndex): Problem[] {
  return index.rules.flatMap((rule) => {
    const at = `rules.${rule.id}`;
    const entityRef = rule.entity === undefined ? [] : checkEntityRef(index, rule.entity, `${at}.entity`);
    const expression = expressionOf(rule, at, scopeOf(index, rule));
    // tests of a rule that cannot be evaluated would only repeat why
    const usable = expression.rule !== undefined && checkRuleSafety(expression.rule).length === 0;
    const tests = usable ? checkTests(rule, expression.rule as Rule, at) : [];
    return [...entityRef, ...expression.problems, ...tests];
  });
}
