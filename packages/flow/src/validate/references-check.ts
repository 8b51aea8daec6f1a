import type { FlowDefinition, FlowFormTaskSettings } from '@trellis/definitions';
import { settingsOf } from '../graph.js';
import { problemsUnder, type Problem } from '@trellis/errors';
import { checkRuleAgainstSchema, checkRuleSafety, type JsonSchemaObject } from '@trellis/rules';
import { flowProblems } from '../problems.js';
import { flowReferences, type RuleScopeKind } from '../references.js';

export interface ValidateFlowOptions {
  /**
   * JSON Schemas of the app's entities by id. With them, rules and field paths are checked against
   * the flow's entity (and created records against theirs) and entity references must exist.
   */
  readonly entities?: Readonly<Record<string, JsonSchemaObject>>;
  /** the app's role ids: with them, every role the flow names must be one */
  readonly roles?: readonly string[];
}

const NOTHING: JsonSchemaObject = { type: 'object', properties: {}, additionalProperties: false };

/** What flow rules read besides the record (docs/formats.md "Rule data", plus the flow's own keys). */
const CONTEXT_PROPERTIES = {
  $now: { type: 'string', format: 'date-time' },
  $today: { type: 'string', format: 'date' },
  $user: { type: 'object', properties: { id: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } }, partnerOrg: { type: ['string', 'null'] } } },
  $owner: { type: ['string', 'null'] },
  $partnerOrg: { type: ['string', 'null'] },
  $lookup: { type: 'object', additionalProperties: true },
};

const CANDIDATE = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    manager: { type: ['string', 'null'] },
    partnerOrg: { type: ['string', 'null'] },
    attributes: { type: 'object', additionalProperties: true },
  },
};

/**
 * The record's schema with the context keys beside its fields, so one schema check covers both
 * (the studio checks the formulas it edits against it too).
 */
export function flowRuleSchema(record: JsonSchemaObject, scope: RuleScopeKind = 'record'): JsonSchemaObject {
  const properties = { ...(record.properties as Record<string, unknown> | undefined), ...CONTEXT_PROPERTIES, ...(scope === 'candidate' ? { $candidate: CANDIDATE } : {}) };
  return { ...record, properties } as JsonSchemaObject;
}

function fieldExists(schema: JsonSchemaObject, field: string): boolean {
  return checkRuleAgainstSchema({ var: field }, schema).length === 0;
}

/** A form task in edit mode edits the flow's record, so its form is the flow's entity (an unknown form is reported as such). */
function editForms(flow: FlowDefinition, entities: ValidateFlowOptions['entities']): Problem[] {
  if (flow.entity === undefined) return [];
  return flow.nodes.flatMap((node, i) => {
    if (node.type !== 'form_task') return [];
    const s = settingsOf<Partial<FlowFormTaskSettings>>(node);
    const known = entities === undefined || (s.form !== undefined && entities[s.form] !== undefined);
    if ((s.mode ?? 'edit') !== 'edit' || s.form === undefined || s.form === flow.entity || !known) return [];
    return [flowProblems.formNotFlowEntity(`nodes.${i}.settings.form`, s.form, flow.entity as string)];
  });
}

export function checkReferences(flow: FlowDefinition, options: ValidateFlowOptions): Problem[] {
  const refs = flowReferences(flow);
  const { entities, roles } = options;
  const own = entities === undefined ? undefined : flow.entity === undefined ? NOTHING : entities[flow.entity];
  const found: Problem[] = [];
  for (const site of refs.rules) {
    found.push(...problemsUnder(site.path, checkRuleSafety(site.rule)));
    if (own !== undefined) found.push(...problemsUnder(site.path, checkRuleAgainstSchema(site.rule, flowRuleSchema(own, site.scope))));
  }
  if (entities !== undefined) {
    if (flow.entity !== undefined && entities[flow.entity] === undefined) found.push(flowProblems.unknownEntity('entity', flow.entity));
    for (const ref of refs.entities) if (entities[ref.entity] === undefined) found.push(flowProblems.unknownEntity(ref.path, ref.entity));
    for (const site of refs.fields) {
      const schema = site.entity === null ? own : entities[site.entity];
      if (schema !== undefined && !fieldExists(schema, site.field)) found.push(flowProblems.unknownField(site.path, site.field));
    }
  }
  found.push(...editForms(flow, entities));
  if (roles !== undefined) {
    const known = new Set(roles);
    for (const ref of refs.roles) if (!known.has(ref.role)) found.push(flowProblems.unknownRole(ref.path, ref.role));
  }
  return found;
}
