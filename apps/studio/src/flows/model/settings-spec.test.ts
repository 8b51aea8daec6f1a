import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '@trellis/flow';
import { branchDefault, branchIndex, defaultOf, settingsSpec, type FieldSpec, type UnionSpec } from './settings-spec.js';

const prop = (spec: FieldSpec, key: string): FieldSpec => {
  if (spec.kind !== 'object') throw new Error(`not an object: ${spec.kind}`);
  const found = spec.props.find((p) => p.key === key);
  if (found === undefined) throw new Error(`no property ${key}`);
  return found.spec;
};

describe('settings schema → property panel', () => {
  const approval = settingsSpec(NODE_KINDS.approval.settingsSchema);

  it('reads an approval: approvers by user, role, owner, owner manager, rule…; mode; order; SLA', () => {
    const approvers = prop(approval, 'approvers');
    expect(approvers.kind).toBe('list');
    const assignee = (approvers as { item: UnionSpec }).item;
    expect(assignee).toMatchObject({ kind: 'union', key: 'by' });
    expect(assignee.branches.map((b) => b.value)).toEqual(['user', 'role', 'record_owner', 'owner_manager', 'initiator', 'field', 'partner', 'rule']);
    expect(assignee.branches[1]!.props).toEqual([{ key: 'role', spec: { kind: 'id' }, required: true }, { key: 'match', spec: { kind: 'rule' }, required: false }]);
    expect(prop(approval, 'mode')).toEqual({ kind: 'enum', values: ['any', 'all', 'ratio'] });
    expect(prop(approval, 'ratio')).toEqual({ kind: 'number', integer: false, min: 0, max: 1 });
    expect(prop(approval, 'order')).toEqual({ kind: 'enum', values: ['parallel', 'sequential'] });
    const sla = prop(approval, 'sla');
    const duration = prop(sla, 'remindAfter') as UnionSpec;
    expect(duration).toMatchObject({ kind: 'union', key: null });
    expect(duration.branches.map((b) => b.value)).toEqual(['iso', 'workingDays']);
    expect((prop(sla, 'escalation') as UnionSpec).branches.map((b) => b.value))
      .toEqual(['reassign_to_manager', 'reassign', 'notify_manager', 'auto_approve', 'auto_return']);
  });

  it('gives every node kind a default a person completes', () => {
    expect(defaultOf(approval)).toEqual({ approvers: [], mode: 'any' });
    expect(defaultOf(settingsSpec(NODE_KINDS.start.settingsSchema))).toEqual({ trigger: { on: 'record_created' } });
    expect(defaultOf(settingsSpec(NODE_KINDS.condition.settingsSchema))).toEqual({});
    expect(defaultOf(settingsSpec(NODE_KINDS.end.settingsSchema))).toEqual({ outcome: '' });
    expect(defaultOf(settingsSpec(NODE_KINDS.notify.settingsSchema))).toEqual({ channel: 'inbox', to: [], message: { 'zh-CN': '', en: '' } });
  });

  it('switches a union between branches and finds a value’s branch', () => {
    const assignee = (prop(approval, 'approvers') as { item: UnionSpec }).item;
    expect(branchDefault(assignee, 0)).toEqual({ by: 'user', users: [] });
    expect(branchDefault(assignee, 7)).toEqual({ by: 'rule', rule: true });
    expect(branchIndex(assignee, { by: 'owner_manager' })).toBe(3);
    expect(branchIndex(assignee, { by: 'nobody' })).toBe(-1);
    const duration = prop(prop(approval, 'sla'), 'escalateAfter') as UnionSpec;
    expect(branchDefault(duration, 1)).toEqual({ workingDays: 1 });
    expect(branchIndex(duration, { workingDays: 2 })).toBe(1);
    expect(branchIndex(duration, 'P1D')).toBe(-1);
  });

  it('reads a compute assignment as a field with a formula or a template, and a form task link as names → fields', () => {
    const assignments = prop(settingsSpec(NODE_KINDS.compute.settingsSchema), 'assignments') as { kind: 'list'; item: UnionSpec };
    const assignment = assignments.item;
    expect(assignment).toMatchObject({ kind: 'union', key: null });
    expect(assignment.branches.map((b) => [b.value, b.props.map((p) => [p.key, p.spec.kind, p.required])])).toEqual([
      ['rule', [['field', 'field', true], ['rule', 'rule', true], ['append', 'boolean', false]]],
      ['template', [['field', 'field', true], ['template', 'template', true], ['append', 'boolean', false]]],
    ]);
    expect(branchIndex(assignment, { field: 'contacts', template: [] })).toBe(1);
    expect(branchDefault(assignment, 0)).toEqual({ field: '', rule: true });
    expect(prop(settingsSpec(NODE_KINDS.form_task.settingsSchema), 'link')).toEqual({ kind: 'map', item: { kind: 'field' } });
  });
});
