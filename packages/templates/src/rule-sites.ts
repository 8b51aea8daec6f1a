import type { EntityDefinition, FlowDefinition, ProgramDefinition, RuleDefinition } from '@trellis/definitions';
import type { Rule } from '@trellis/rules';
import type { TemplateIndex } from './template-index.js';

/** One rule expression of a template and where it sits. */
export interface RuleSite {
  readonly rule: Rule;
  readonly path: string;
}

function entitySites(entity: EntityDefinition): RuleSite[] {
  const at = `entities.${entity.id}.rules`;
  const rules = entity.rules ?? {};
  return [
    ...Object.entries(rules.defaults ?? {}).flatMap(([field, d]) =>
      d.rule === undefined ? [] : [{ rule: d.rule, path: `${at}.defaults.${field}.rule` }]),
    ...(['visibility', 'requiredWhen', 'computed'] as const).flatMap((part) =>
      Object.entries(rules[part] ?? {}).map(([field, rule]) => ({ rule, path: `${at}.${part}.${field}` }))),
    ...(rules.validations ?? []).map((v, i) => ({ rule: v.rule, path: `${at}.validations.${i}.rule` })),
  ];
}

function ruleSites(rule: RuleDefinition): RuleSite[] {
  const at = `rules.${rule.id}`;
  if (rule.table !== undefined) return rule.table.inputs.map((input, i) => ({ rule: input.expr, path: `${at}.table.inputs.${i}.expr` }));
  return rule.logic === undefined ? [] : [{ rule: rule.logic, path: `${at}.logic` }];
}

function flowSites(flow: FlowDefinition): RuleSite[] {
  return flow.edges.flatMap((edge, i) =>
    edge.condition === undefined ? [] : [{ rule: edge.condition, path: `flows.${flow.id}.edges.${i}.condition` }]);
}

function programSites(program: ProgramDefinition): RuleSite[] {
  const at = `programs.${program.id}`;
  return [
    { rule: program.eligibility, path: `${at}.eligibility` },
    ...program.metrics.flatMap((m, i) => (m.filter === undefined ? [] : [{ rule: m.filter, path: `${at}.metrics.${i}.filter` }])),
    ...(program.derived ?? []).flatMap((d, i) => (d.table !== undefined
      ? d.table.inputs.map((input, j) => ({ rule: input.expr, path: `${at}.derived.${i}.table.inputs.${j}.expr` }))
      : [{ rule: d.logic ?? null, path: `${at}.derived.${i}.logic` }])),
    ...program.lines.flatMap((line, i) => [
      ...(line.amount === undefined ? [] : [{ rule: line.amount, path: `${at}.lines.${i}.amount` }]),
      ...(line.rate === undefined ? [] : [{ rule: line.rate, path: `${at}.lines.${i}.rate` }]),
    ]),
  ];
}

/** Every rule expression in the template, wherever it is attached. */
export function allRuleSites(index: TemplateIndex): RuleSite[] {
  return [
    ...index.entities.flatMap(entitySites),
    ...index.rules.flatMap(ruleSites),
    ...index.flows.flatMap(flowSites),
    ...index.programs.flatMap(programSites),
  ];
}
