import type {
  FlowApprovalSettings, FlowAssignee, FlowComputeSettings, FlowDefinition, FlowFormTaskSettings, FlowNotifySettings,
  FlowSla, FlowStartSettings, FlowWaitSettings,
} from '@trellis/definitions';
import type { JsonValue, Rule } from '@trellis/rules';
import { templateRules } from './runtime/template.js';
import { settingsOf } from './graph.js';

/** Where a rule reads: the flow's record (plus context), or that plus `$candidate` (assignee match rules). */
export type RuleScopeKind = 'record' | 'candidate';

export interface RuleSite {
  readonly path: string;
  readonly rule: Rule;
  readonly scope: RuleScopeKind;
}

/** A field path the flow names, and the entity whose record it is in (`null`: the flow's own entity). */
export interface FieldSite {
  readonly path: string;
  readonly field: string;
  readonly entity: string | null;
}

export interface FlowReferences {
  readonly rules: readonly RuleSite[];
  readonly fields: readonly FieldSite[];
  readonly roles: readonly { readonly path: string; readonly role: string }[];
  readonly entities: readonly { readonly path: string; readonly entity: string }[];
}

interface Collector {
  rules: RuleSite[];
  fields: FieldSite[];
  roles: { path: string; role: string }[];
  entities: { path: string; entity: string }[];
}

function assignees(list: readonly FlowAssignee[] | undefined, path: string, into: Collector): void {
  (list ?? []).forEach((a, i) => {
    const at = `${path}.${i}`;
    if (a.by === 'role') {
      into.roles.push({ path: `${at}.role`, role: a.role });
      if (a.match !== undefined) into.rules.push({ path: `${at}.match`, rule: a.match as Rule, scope: 'candidate' });
    } else if (a.by === 'rule') into.rules.push({ path: `${at}.rule`, rule: a.rule as Rule, scope: 'record' });
    else if (a.by === 'field' || a.by === 'partner') into.fields.push({ path: `${at}.field`, field: a.field, entity: null });
  });
}

function sla(value: FlowSla | undefined, path: string, into: Collector): void {
  if (value?.escalation?.action === 'reassign') assignees(value.escalation.to, `${path}.escalation.to`, into);
}

/**
 * Everything a flow refers to outside itself, with where: rules, record fields, roles and entities.
 * validateFlow checks them; the template checks and the studio use the same list.
 */
export function flowReferences(flow: FlowDefinition): FlowReferences {
  const into: Collector = { rules: [], fields: [], roles: [], entities: [] };
  flow.edges.forEach((edge, i) => {
    if (edge.condition !== undefined) into.rules.push({ path: `edges.${i}.condition`, rule: edge.condition as Rule, scope: 'record' });
  });
  (flow.lookups ?? []).forEach((lookup, i) => {
    into.entities.push({ path: `lookups.${i}.entity`, entity: lookup.entity });
    for (const [theirs, ours] of Object.entries(lookup.match)) {
      into.fields.push({ path: `lookups.${i}.match.${theirs}`, field: ours, entity: null });
      into.fields.push({ path: `lookups.${i}.match`, field: theirs, entity: lookup.entity });
    }
    if (lookup.orderBy !== undefined) into.fields.push({ path: `lookups.${i}.orderBy.field`, field: lookup.orderBy.field, entity: lookup.entity });
  });
  flow.nodes.forEach((node, i) => {
    const at = `nodes.${i}.settings`;
    switch (node.type) {
      case 'start': {
        const trigger = settingsOf<FlowStartSettings>(node).trigger;
        if (trigger === undefined) break;
        if (trigger.on === 'field_change') trigger.fields.forEach((f, j) => into.fields.push({ path: `${at}.trigger.fields.${j}`, field: f, entity: null }));
        if ((trigger.on === 'field_change' || trigger.on === 'record_created') && trigger.when !== undefined) into.rules.push({ path: `${at}.trigger.when`, rule: trigger.when as Rule, scope: 'record' });
        if (trigger.on === 'schedule' && trigger.filter !== undefined) into.rules.push({ path: `${at}.trigger.filter`, rule: trigger.filter as Rule, scope: 'record' });
        if (trigger.on === 'manual') (trigger.roles ?? []).forEach((role, j) => into.roles.push({ path: `${at}.trigger.roles.${j}`, role }));
        break;
      }
      case 'form_task': {
        const s = settingsOf<FlowFormTaskSettings>(node);
        if (typeof s.form === 'string') into.entities.push({ path: `${at}.form`, entity: s.form });
        const formEntity = s.mode === 'create' ? (s.form ?? null) : null;
        (s.fields ?? []).forEach((f, j) => into.fields.push({ path: `${at}.fields.${j}`, field: f, entity: formEntity }));
        for (const [theirs, ours] of Object.entries(s.link ?? {})) {
          into.fields.push({ path: `${at}.link`, field: theirs, entity: s.form ?? null });
          into.fields.push({ path: `${at}.link.${theirs}`, field: ours, entity: null });
        }
        assignees(s.assignees, `${at}.assignees`, into);
        sla(s.sla, `${at}.sla`, into);
        break;
      }
      case 'approval': {
        const s = settingsOf<FlowApprovalSettings>(node);
        assignees(s.approvers, `${at}.approvers`, into);
        (s.fields ?? []).forEach((f, j) => into.fields.push({ path: `${at}.fields.${j}`, field: f, entity: null }));
        sla(s.sla, `${at}.sla`, into);
        break;
      }
      case 'compute': {
        const s = settingsOf<FlowComputeSettings>(node);
        const target = s.target;
        if (target?.kind === 'create') into.entities.push({ path: `${at}.target.entity`, entity: target.entity });
        const entity = target?.kind === 'create' ? target.entity : target?.kind === 'node' ? createdEntity(flow, target.node) : null;
        (s.assignments ?? []).forEach((a, j) => {
          const here = `${at}.assignments.${j}`;
          if (a.rule !== undefined) into.rules.push({ path: `${here}.rule`, rule: a.rule as Rule, scope: 'record' });
          for (const site of templateRules(a.template as JsonValue | undefined, `${here}.template`)) into.rules.push({ ...site, scope: 'record' });
          if (entity !== undefined) into.fields.push({ path: `${at}.assignments.${j}.field`, field: a.field, entity });
        });
        break;
      }
      case 'notify': {
        const s = settingsOf<FlowNotifySettings>(node);
        if (s.channel === 'inbox' || s.channel === 'email') assignees(s.to, `${at}.to`, into);
        break;
      }
      case 'wait': {
        const s = settingsOf<FlowWaitSettings>(node);
        if (s.until === 'field') into.fields.push({ path: `${at}.field`, field: s.field, entity: null });
        break;
      }
      default:
        break;
    }
  });
  return into;
}

/**
 * The entity of the record an earlier node creates: a form task in create mode or a creating
 * compute. `undefined` when the node makes no record (reported by validateFlow).
 */
export function createdEntity(flow: FlowDefinition, nodeId: string): string | undefined {
  const node = flow.nodes.find((n) => n.id === nodeId);
  if (node?.type === 'form_task') {
    const s = settingsOf<FlowFormTaskSettings>(node);
    return s.mode === 'create' ? s.form : undefined;
  }
  if (node?.type === 'compute') {
    const target = settingsOf<FlowComputeSettings>(node).target;
    return target?.kind === 'create' ? target.entity : undefined;
  }
  return undefined;
}
