import {
  PUBLISHED_SCHEMAS,
  type FlowApprovalSettings, type FlowComputeSettings, type FlowDefinition, type FlowFormTaskSettings, type FlowNode,
  type FlowNodeType, type FlowSla, type FlowStartSettings,
} from '@trellis/definitions';
import { joinPath, type Problem } from '@trellis/errors';
import { createSchemaValidator, type SchemaValidator, type ValidateFunction } from '@trellis/schema-validator';
import { graphOf, settingsOf } from '../graph.js';
import { NODE_KINDS } from '../node-kinds.js';
import { flowProblems } from '../problems.js';
import { createdEntity } from '../references.js';
import { isValidCron } from '../runtime/schedule.js';

let validator: SchemaValidator | undefined;
const compiled = new Map<FlowNodeType, ValidateFunction>();

/** One validator for all kinds, built on first use: ajv compilation is the expensive part. */
function validatorFor(type: FlowNodeType): ValidateFunction {
  const cached = compiled.get(type);
  if (cached !== undefined) return cached;
  validator ??= createSchemaValidator({ strict: true, schemas: PUBLISHED_SCHEMAS });
  const fn = validator.compile(NODE_KINDS[type].settingsSchema);
  compiled.set(type, fn);
  return fn;
}

function slaProblems(flow: FlowDefinition, sla: FlowSla | undefined, at: string): Problem[] {
  const escalation = sla?.escalation;
  if (escalation?.action !== 'auto_return' || escalation.to === undefined) return [];
  const target = graphOf(flow).nodes.get(escalation.to);
  const ok = target !== undefined && (target.type === 'start' || NODE_KINDS[target.type].human);
  return ok ? [] : [flowProblems.invalidReturnTarget(`${at}.sla.escalation.to`, escalation.to)];
}

/** What the kind's schema cannot say: non-empty assignee lists, a ratio for mode ratio, sound targets. */
function semantic(flow: FlowDefinition, node: FlowNode, at: string): Problem[] {
  switch (node.type) {
    case 'approval': {
      const s = settingsOf<FlowApprovalSettings>(node);
      return [
        ...(s.approvers.length === 0 ? [flowProblems.approvalNoApprovers(`${at}.approvers`)] : []),
        ...(s.mode === 'ratio' && s.ratio === undefined ? [flowProblems.ratioMissing(`${at}.ratio`)] : []),
        ...slaProblems(flow, s.sla, at),
      ];
    }
    case 'form_task': {
      const s = settingsOf<FlowFormTaskSettings>(node);
      return [...(s.assignees.length === 0 ? [flowProblems.taskNoAssignees(`${at}.assignees`)] : []), ...slaProblems(flow, s.sla, at)];
    }
    case 'compute': {
      const target = settingsOf<FlowComputeSettings>(node).target;
      return target?.kind === 'node' && createdEntity(flow, target.node) === undefined ? [flowProblems.invalidTarget(`${at}.target.node`, target.node)] : [];
    }
    case 'start': {
      const trigger = settingsOf<FlowStartSettings>(node).trigger;
      if (trigger.on !== 'schedule') return [];
      if ((trigger.every === undefined) === (trigger.cron === undefined)) return [flowProblems.scheduleAmbiguous(`${at}.trigger`)];
      return trigger.cron !== undefined && !isValidCron(trigger.cron) ? [flowProblems.invalidCron(`${at}.trigger.cron`)] : [];
    }
    default:
      return [];
  }
}

/** Each node's settings against its kind's settings schema, then the checks the schema cannot make. */
export function checkSettings(flow: FlowDefinition): Problem[] {
  return flow.nodes.flatMap((node, i) => {
    const at = `nodes.${i}.settings`;
    const schemaProblems = validatorFor(node.type)(node.settings ?? {});
    if (schemaProblems.length > 0) return schemaProblems.map((p) => flowProblems.invalidSettings(joinPath(at, p.path), p));
    return semantic(flow, node, at);
  });
}
