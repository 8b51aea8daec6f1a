import type { EntityDefinition, ProgramDefinition } from '@trellis/definitions';
import { problem, problemsUnder, type Problem } from '@trellis/errors';
import { checkDecisionTable, checkRuleAgainstSchema, type JsonSchemaObject, type Rule } from '@trellis/rules';
import { checkEntityRef, checkRuleAt, NOTHING } from './rule-check.js';
import type { TemplateIndex } from './template-index.js';

type Json = JsonSchemaObject[keyof JsonSchemaObject];

const programProblems = {
  duplicateValue: (path: string, id: string) =>
    problem('TEMPLATE_PROGRAM_DUPLICATE_VALUE', path, {
      en: `"${id}" names more than one metric or derived value of this program`,
      'zh-CN': `"${id}"在本方案中重复用作指标或派生值的名称`,
    }, { id }),
  unknownBase: (path: string, id: string) =>
    problem('TEMPLATE_PROGRAM_UNKNOWN_BASE', path, {
      en: `The line's base "${id}" is not an ungrouped metric or a derived value of this program`,
      'zh-CN': `支付行的基数"${id}"不是本方案的未分组指标或派生值`,
    }, { id }),
  unknownFlow: (path: string, id: string) =>
    problem('TEMPLATE_UNKNOWN_FLOW', path, {
      en: `There is no flow "${id}" in this template`,
      'zh-CN': `此模板中没有流程"${id}"`,
    }, { flow: id }),
  approvalFlowWithEntity: (path: string, id: string, entity: string) =>
    problem('TEMPLATE_APPROVAL_FLOW_ENTITY', path, {
      en: `The flow "${id}" runs on records of "${entity}", so it cannot approve incentive runs (an approval flow has no entity)`,
      'zh-CN': `流程"${id}"处理"${entity}"的记录，不能用于审批激励计算（审批流程不能指定实体）`,
    }, { flow: id, entity }),
  effectiveDates: (path: string) =>
    problem('TEMPLATE_PROGRAM_EFFECTIVE_DATES', path, {
      en: 'effectiveTo is before effectiveFrom',
      'zh-CN': '失效日期早于生效日期',
    }),
} satisfies Record<string, (...args: never[]) => Problem>;

const PERIOD_SCHEMA: JsonSchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string' }, kind: { enum: ['month', 'quarter', 'half', 'year'] },
    start: { type: 'string', format: 'date' }, end: { type: 'string', format: 'date' }, days: { type: 'integer' },
  },
  additionalProperties: false,
};

/** An embedded schema moved under `at` of a new root: its local `$ref`s are rewritten to still resolve. */
function rebased(schema: Json, at: string): Json {
  if (Array.isArray(schema)) return schema.map((s) => rebased(s, at));
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).map(([k, v]) =>
    [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `#${at}${v.slice(1)}` : rebased(v, at)]));
}

function subjectSchema(index: TemplateIndex, program: ProgramDefinition): Json {
  const entity = index.entityById.get(program.subjectEntity);
  return entity === undefined ? {} : rebased(entity.schema as Json, '/properties/$subject');
}

/** What a metric gives rules: a number (null for avg/min/max of nothing), or one per group. */
function metricSchema(metric: ProgramDefinition['metrics'][number]): Json {
  const value = metric.aggregate === 'sum' || metric.aggregate === 'count' ? { type: 'number' } : { type: ['number', 'null'] };
  return metric.groupBy === undefined ? value : { type: 'object', additionalProperties: value };
}

/**
 * The data a program's rules read (docs/formats.md): the values known so far at the top level,
 * `$subject` (the subject entity's record), `$period`, `$context` (as declared; nothing if not).
 */
function scopeSchema(index: TemplateIndex, program: ProgramDefinition, values: Readonly<Record<string, Json>>): JsonSchemaObject {
  return {
    type: 'object',
    properties: {
      ...values,
      $subject: subjectSchema(index, program),
      $period: PERIOD_SCHEMA,
      $context: rebased((program.context ?? NOTHING) as Json, '/properties/$context'),
    },
    additionalProperties: false,
  };
}

/** A field path must exist in a schema: checked as `{"var": path}`, so the problem is RULE_UNKNOWN_VAR with its "did you mean". */
function checkField(schema: JsonSchemaObject | undefined, field: string, path: string): Problem[] {
  if (schema === undefined) return [];
  return checkRuleAgainstSchema({ var: field }, schema).map((p) => ({ ...p, path }));
}

/** The schema of one item of an array field, as a root its `$ref`s still resolve in. */
function itemSchema(entity: EntityDefinition, items: string): JsonSchemaObject {
  const root = entity.schema as JsonSchemaObject;
  const resolve = (node: Json): Json => {
    const ref = node !== null && typeof node === 'object' && !Array.isArray(node) ? node.$ref : undefined;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
    return resolve(ref.slice(2).split('/').reduce<Json>((n, key) => (n as Record<string, Json> | undefined)?.[key] ?? {}, root as Json));
  };
  let node: Json = root as Json;
  for (const key of items.split('.')) node = resolve(((resolve(node) as Record<string, Json>).properties as Record<string, Json> | undefined)?.[key] ?? {});
  const item = (node as Record<string, Json>).items ?? {};
  return { type: 'object', $defs: (root.$defs ?? {}) as Json, allOf: [item] } as JsonSchemaObject;
}

function checkMetrics(index: TemplateIndex, program: ProgramDefinition, at: string): Problem[] {
  return program.metrics.flatMap((metric, i) => {
    const path = `${at}.metrics.${i}`;
    const entity = index.entityById.get(metric.entity);
    const recordSchema = entity?.schema as JsonSchemaObject | undefined;
    const rowSchema = entity === undefined ? undefined : metric.items === undefined ? recordSchema : itemSchema(entity, metric.items);
    return [
      ...checkEntityRef(index, metric.entity, `${path}.entity`),
      ...checkField(recordSchema, metric.subjectField, `${path}.subjectField`),
      ...checkField(recordSchema, metric.time.field, `${path}.time.field`),
      ...(metric.items === undefined ? [] : checkField(recordSchema, metric.items, `${path}.items`)),
      ...(metric.field === undefined ? [] : checkField(rowSchema, metric.field, `${path}.field`)),
      ...(metric.groupBy === undefined ? [] : checkField(rowSchema, metric.groupBy, `${path}.groupBy`)),
      ...(metric.filter === undefined ? [] : checkRuleAt(metric.filter, `${path}.filter`, { schema: rowSchema ?? null, context: false })),
    ];
  });
}

/** Derived values in order, each reading the metrics and the values before it; then the lines, reading all. */
function checkFormulas(index: TemplateIndex, program: ProgramDefinition, at: string): Problem[] {
  const known = index.entityById.has(program.subjectEntity);
  const values: Record<string, Json> = Object.fromEntries(program.metrics.map((m) => [m.id, metricSchema(m)]));
  const scope = () => ({ schema: known ? scopeSchema(index, program, values) : null, context: false });
  const problems: Problem[] = [];
  program.metrics.forEach((m, i) => {
    if (program.metrics.findIndex((other) => other.id === m.id) !== i) problems.push(programProblems.duplicateValue(`${at}.metrics.${i}.id`, m.id));
  });
  (program.derived ?? []).forEach((d, i) => {
    const path = `${at}.derived.${i}`;
    if (d.id in values) problems.push(programProblems.duplicateValue(`${path}.id`, d.id));
    if (d.table !== undefined) {
      problems.push(...problemsUnder(`${path}.table`, checkDecisionTable(d.table)));
      d.table.inputs.forEach((input, j) => problems.push(...checkRuleAt(input.expr as Rule, `${path}.table.inputs.${j}.expr`, scope())));
    } else {
      problems.push(...checkRuleAt((d.logic ?? null) as Rule, `${path}.logic`, scope()));
    }
    values[d.id] = {};
  });
  program.lines.forEach((line, i) => {
    const path = `${at}.lines.${i}`;
    if (line.base !== undefined) {
      const metric = program.metrics.find((m) => m.id === line.base);
      const derived = (program.derived ?? []).some((d) => d.id === line.base);
      if (!derived && (metric === undefined || metric.groupBy !== undefined)) problems.push(programProblems.unknownBase(`${path}.base`, line.base));
    }
    for (const part of ['amount', 'rate'] as const) {
      const rule = line[part];
      if (rule !== undefined) problems.push(...checkRuleAt(rule as Rule, `${path}.${part}`, scope()));
    }
  });
  return problems;
}

/** The flow that approves the program's runs exists in the template and runs on no entity (a run is not a record). */
function checkApprovalFlow(index: TemplateIndex, program: ProgramDefinition, at: string): Problem[] {
  const id = program.approvalFlow;
  if (id === undefined) return [];
  const path = `${at}.approvalFlow`;
  if (!index.known.flows.has(id)) return [programProblems.unknownFlow(path, id)];
  const entity = index.flows.find((f) => f.id === id)?.entity;
  return entity === undefined ? [] : [programProblems.approvalFlowWithEntity(path, id, entity)];
}

/**
 * Each incentive program: its entities and fields exist, its approval flow is one of the template's, every rule reads only what its place in
 * the program provides (eligibility: `$subject`, `$period`, `$context`; derived values: the metrics
 * and earlier values too; lines: everything), decision tables are sound, line bases are values,
 * and the effective dates are in order.
 */
export function checkPrograms(index: TemplateIndex): Problem[] {
  return index.programs.flatMap((program) => {
    const at = `programs.${program.id}`;
    const subject = index.entityById.get(program.subjectEntity)?.schema as JsonSchemaObject | undefined;
    const eligibilityScope = { schema: subject === undefined ? null : scopeSchema(index, program, {}), context: false };
    return [
      ...checkEntityRef(index, program.subjectEntity, `${at}.subjectEntity`),
      ...checkField(subject, program.subjectKey, `${at}.subjectKey`),
      ...(program.proration === undefined ? [] : [
        ...checkField(subject, program.proration.from, `${at}.proration.from`),
        ...(program.proration.to === undefined ? [] : checkField(subject, program.proration.to, `${at}.proration.to`)),
      ]),
      ...(program.effectiveTo !== undefined && program.effectiveTo < program.effectiveFrom ? [programProblems.effectiveDates(`${at}.effectiveTo`)] : []),
      ...checkRuleAt(program.eligibility as Rule, `${at}.eligibility`, eligibilityScope),
      ...checkApprovalFlow(index, program, at),
      ...checkMetrics(index, program, at),
      ...checkFormulas(index, program, at),
    ];
  });
}
