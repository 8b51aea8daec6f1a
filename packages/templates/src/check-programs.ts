import type { ProgramDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { checkRuleAgainstSchema, type JsonSchemaObject } from '@trellis/rules';
import { checkEntityRef, checkRuleAt, entityScope } from './rule-check.js';
import type { TemplateIndex } from './template-index.js';

/**
 * A metric's field must exist in its entity: checked as the rule `{"var": field}` would be, so the
 * problem is the rules package's RULE_UNKNOWN_VAR with its "did you mean".
 */
function checkMetricField(index: TemplateIndex, entityId: string, field: string, path: string): Problem[] {
  const schema = index.entityById.get(entityId)?.schema as JsonSchemaObject | undefined;
  if (schema === undefined) return [];
  return checkRuleAgainstSchema({ var: field }, schema).map((p) => ({ ...p, path }));
}

function checkMetrics(index: TemplateIndex, program: ProgramDefinition, at: string): Problem[] {
  return program.metrics.flatMap((metric, i) => {
    const path = `${at}.metrics.${i}`;
    return [
      ...checkEntityRef(index, metric.entity, `${path}.entity`),
      ...(metric.field === undefined ? [] : checkMetricField(index, metric.entity, metric.field, `${path}.field`)),
      ...(metric.filter === undefined ? [] : checkRuleAt(metric.filter, `${path}.filter`, entityScope(index, metric.entity))),
    ];
  });
}

/**
 * Each incentive program: its entities exist, eligibility reads the subject entity's records, the
 * formula reads only the declared inputs. The incentives issue refines the rest.
 */
export function checkPrograms(index: TemplateIndex): Problem[] {
  return index.programs.flatMap((program) => {
    const at = `programs.${program.id}`;
    return [
      ...checkEntityRef(index, program.subjectEntity, `${at}.subjectEntity`),
      ...checkRuleAt(program.eligibility, `${at}.eligibility`, entityScope(index, program.subjectEntity)),
      ...checkRuleAt(program.formula, `${at}.formula`, { schema: program.inputs as JsonSchemaObject, context: false }),
      ...checkMetrics(index, program, at),
    ];
  });
}
