import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '@trellis/definitions';
import { validateFlow } from './validate-flow.js';
import { MANUAL_START, approvalNode, endNode, flowOf, oneApproval } from '../testing/build.js';

const codes = (flow: FlowDefinition, options = {}): string[] => validateFlow(flow, options).map((p) => `${p.path} ${p.code}`);

const ENTITY = {
  type: 'object',
  properties: { amount: { type: 'number' }, region: { type: 'string' }, owner: { type: 'string' }, due: { type: 'string', format: 'date' } },
} as const;

describe('validateFlow', () => {
  it('accepts a sound flow', () => {
    expect(validateFlow(oneApproval({ approvers: [{ by: 'role', role: 'boss' }] }))).toEqual([]);
  });

  it('reports a missing start and end, and nodes nothing reaches', () => {
    const flow = flowOf([{ id: 'a', type: 'compute', settings: { assignments: [{ field: 'x', rule: 1 }] } }, endNode('z')], [['a', 'z']]);
    expect(codes(flow)).toEqual(expect.arrayContaining(['nodes FLOW_NO_START']));
    const noEnd = flowOf([MANUAL_START, { id: 'n', type: 'notify', settings: { channel: 'webhook', url: 'http://127.0.0.1/x', secretRef: 's' } }], [['start', 'n']]);
    expect(codes(noEnd)).toEqual(expect.arrayContaining(['nodes FLOW_NO_END', 'nodes.1 FLOW_PORT_UNCONNECTED']));
    const island = flowOf([MANUAL_START, endNode('z'), endNode('lost')], [['start', 'z']]);
    expect(codes(island)).toEqual(['nodes.2 FLOW_UNREACHABLE']);
  });

  it('reports edges to unknown nodes, into the start, and from unknown ports', () => {
    const flow = flowOf([MANUAL_START, endNode('z')], [['start', 'z'], ['start', 'ghost'], ['z', 'start', { sourceHandle: 'approved' }]]);
    expect(codes(flow)).toEqual(expect.arrayContaining([
      'edges.1.target FLOW_UNKNOWN_NODE', 'edges.2.target FLOW_EDGE_INTO_START', 'edges.2.sourceHandle FLOW_UNKNOWN_PORT', 'nodes.0 FLOW_PORT_AMBIGUOUS',
    ]));
  });

  it('requires approvers, a ratio for ratio mode, and both approval outcomes connected', () => {
    expect(codes(oneApproval({ approvers: [] }))).toEqual(['nodes.1.settings.approvers FLOW_APPROVAL_NO_APPROVERS']);
    expect(codes(oneApproval({ approvers: [{ by: 'initiator' }], mode: 'ratio' }))).toEqual(['nodes.1.settings.ratio FLOW_RATIO_MISSING']);
    const half = flowOf([MANUAL_START, approvalNode('r', { approvers: [{ by: 'initiator' }] }), endNode('z')], [['start', 'r'], ['r', 'z', { sourceHandle: 'approved' }]]);
    expect(codes(half)).toEqual(['nodes.1 FLOW_PORT_UNCONNECTED']);
  });

  it('requires a condition to have exactly one default and conditions on the other branches', () => {
    const flow = flowOf(
      [MANUAL_START, { id: 'c', type: 'condition' }, endNode('a'), endNode('b')],
      [['start', 'c'], ['c', 'a', { condition: { '>': [{ var: 'amount' }, 1] } }], ['c', 'b']],
    );
    expect(codes(flow)).toEqual(['edges.2 FLOW_BRANCH_NO_CONDITION', 'nodes.1 FLOW_CONDITION_NO_DEFAULT']);
    const misplaced = flowOf([MANUAL_START, endNode('a')], [['start', 'a', { condition: true }]]);
    expect(codes(misplaced)).toEqual(['edges.0 FLOW_CONDITION_MISPLACED']);
  });

  it('matches joins to splits', () => {
    const flow = flowOf(
      [MANUAL_START, { id: 's', type: 'parallel_split' }, { id: 'j', type: 'parallel_join', settings: { split: 'start' } }, endNode('z')],
      [['start', 's'], ['s', 'j'], ['j', 'z']],
    );
    expect(codes(flow)).toEqual(['nodes.2.settings.split FLOW_JOIN_WITHOUT_SPLIT', 'nodes.1 FLOW_SPLIT_JOIN_COUNT']);
  });

  it('checks settings against the kind schema, with paths into the settings', () => {
    const flow = oneApproval({ approvers: [{ by: 'role' }], mode: 'most', sla: { remindAfter: { iso: 'one day' } } });
    const found = validateFlow(flow);
    expect(found.every((p) => p.code === 'FLOW_INVALID_SETTINGS')).toBe(true);
    expect(found.map((p) => p.path)).toEqual(expect.arrayContaining(['nodes.1.settings.approvers.0.role', 'nodes.1.settings.mode']));
    expect(found[0]?.message['zh-CN']).toMatch(/设置无效/);
  });

  it('checks schedules and return targets', () => {
    const flow = flowOf(
      [{ id: 'start', type: 'start', settings: { trigger: { on: 'schedule', cron: '99 * * * *' } } },
        approvalNode('r', { approvers: [{ by: 'initiator' }], sla: { escalateAfter: { workingDays: 1 }, escalation: { action: 'auto_return', to: 'z' } } }),
        endNode('z'), endNode('n')],
      [['start', 'r'], ['r', 'z', { sourceHandle: 'approved' }], ['r', 'n', { sourceHandle: 'rejected' }]],
    );
    expect(codes(flow)).toEqual(['nodes.0.settings.trigger.cron FLOW_INVALID_CRON', 'nodes.1.settings.sla.escalation.to FLOW_INVALID_RETURN_TARGET']);
  });

  it('checks rules for safety, and against the entity with its fields, roles and entities when given', () => {
    const flow = flowOf(
      [MANUAL_START, { id: 'c', type: 'condition' },
        approvalNode('r', { approvers: [{ by: 'role', role: 'manager', match: { in: [{ var: 'region' }, { var: '$candidate.attributes.regions' }] } }, { by: 'role', role: 'nobody' }], fields: ['amout'] }),
        { id: 'w', type: 'wait', settings: { until: 'field', field: 'due' } },
        { id: 'f', type: 'form_task', settings: { form: 'other', assignees: [{ by: 'initiator' }] } },
        endNode('a'), endNode('b')],
      [['start', 'c'], ['c', 'r', { condition: { '>': [{ var: 'amont' }, 1] } }], ['c', 'w', { isDefault: true }], ['w', 'f'], ['f', 'a'],
        ['r', 'a', { sourceHandle: 'approved' }], ['r', 'b', { sourceHandle: 'rejected' }]],
      { entity: 'claim' },
    );
    expect(codes(flow, { entities: { claim: ENTITY }, roles: ['manager'] })).toEqual([
      'edges.1.condition.>.0.var RULE_UNKNOWN_VAR',
      'nodes.4.settings.form FLOW_UNKNOWN_ENTITY',
      'nodes.2.settings.fields.0 FLOW_UNKNOWN_FIELD',
      'nodes.2.settings.approvers.1.role FLOW_UNKNOWN_ROLE',
    ]);
    expect(codes(flow, { entities: { claim: ENTITY, other: ENTITY } })).toContain('nodes.4.settings.form FLOW_FORM_NOT_FLOW_ENTITY');
    const creating = flowOf(
      [MANUAL_START, { id: 'f', type: 'form_task', settings: { form: 'other', mode: 'create', link: { ref: 'owner' }, assignees: [{ by: 'field', field: 'owner' }] } }, endNode('a')],
      [['start', 'f'], ['f', 'a']],
      { entity: 'claim' },
    );
    expect(codes(creating, { entities: { claim: ENTITY } })).toEqual(['nodes.1.settings.form FLOW_UNKNOWN_ENTITY']);
    expect(codes(creating, { entities: { claim: ENTITY, other: { type: 'object', properties: { ref: { type: 'string' } } } } })).toEqual([]);
  });

  it('reports duplicate ids and extra starts', () => {
    const flow = flowOf([MANUAL_START, MANUAL_START, endNode('z')], [['start', 'z']]);
    expect(codes(flow)).toEqual(expect.arrayContaining(['nodes.1.id FLOW_DUPLICATE_ID', 'nodes.1 FLOW_MULTIPLE_STARTS']));
  });
});
