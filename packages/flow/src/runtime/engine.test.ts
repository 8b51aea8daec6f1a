import { describe, expect, it } from 'vitest';
import { applyAction, mayStartOn, startInstance, triggerFires } from './engine.js';
import { FlowDriver, MANUAL_START, approvalNode, endNode, flowOf, memoryDirectory } from '../testing/index.js';
import { timeline } from '../timeline.js';
import { SYSTEM_ACTOR } from '../types.js';

const directory = memoryDirectory([
  { id: 'ann', partnerOrg: 'p1' },
  { id: 'amy', partnerOrg: 'p1' },
  { id: 'bob', roles: ['approver'], manager: 'mia', attributes: { regions: ['east'] } },
  { id: 'cat', roles: ['approver'], manager: 'mia', attributes: { regions: ['west'] } },
  { id: 'mia', roles: ['manager'] },
]);
const CN = { utcOffsetMinutes: 480 };
const FRI_10 = '2026-03-06T02:00:00.000Z'; // Friday 10:00 in UTC+8
const at = (iso: string): string => new Date(iso).toISOString();

describe('automatic node kinds', () => {
  const flow = flowOf(
    [MANUAL_START,
      { id: 'calc', type: 'compute', settings: { assignments: [{ field: 'total', rule: { '*': [{ var: 'qty' }, { var: 'price' }] } }, { field: 'meta.big', rule: { '>': [{ var: 'total' }, 100] } }] } },
      { id: 'route', type: 'condition' },
      { id: 'hook', type: 'notify', settings: { channel: 'webhook', url: 'http://127.0.0.1:9/hook', secretRef: 'hook_secret' } },
      { id: 'tell', type: 'notify', settings: { channel: 'inbox', to: [{ by: 'partner', field: 'org' }], message: { 'zh-CN': '已受理', en: 'Accepted' } } },
      { id: 'make', type: 'compute', settings: { target: { kind: 'create', entity: 'receipt' }, assignments: [{ field: 'amount', rule: { var: 'total' } }] } },
      { id: 'mark', type: 'compute', settings: { target: { kind: 'node', node: 'make' }, assignments: [{ field: 'status', rule: 'issued' }] } },
      endNode('big'), endNode('small')],
    [['start', 'calc'], ['calc', 'route'],
      ['route', 'hook', { condition: { var: 'meta.big' } }], ['route', 'tell', { isDefault: true }],
      ['hook', 'big'], ['tell', 'make'], ['make', 'mark'], ['mark', 'small']],
  );

  it('computes in order (each formula sees the last), branches on the result and calls a webhook', () => {
    const d = FlowDriver.start(flow, { record: { qty: 3, price: 50, org: 'p1' }, actor: 'ann', now: FRI_10, directory });
    expect(d.record).toEqual({ qty: 3, price: 50, org: 'p1', total: 150, meta: { big: true } });
    expect(d.state.outcome).toBe('big');
    const hook = d.effects.find((e) => e.type === 'webhook');
    expect(hook).toMatchObject({ url: 'http://127.0.0.1:9/hook', secretRef: 'hook_secret', deliveryId: expect.stringMatching(/^i1\.d\d+$/) });
  });

  it('takes the default branch, notifies the partner users, creates a record and updates it by its key', () => {
    const d = FlowDriver.start(flow, { record: { qty: 1, price: 50, org: 'p1' }, actor: 'ann', now: FRI_10, directory });
    expect(d.state.outcome).toBe('small');
    expect(d.notifications('notify_node')[0]).toMatchObject({ recipients: ['ann', 'amy'], message: { en: 'Accepted' } });
    const [key, made] = [...d.created.entries()][0] ?? [];
    expect(made).toEqual({ entity: 'receipt', values: { amount: 50, status: 'issued' } });
    expect(d.state.created.make).toEqual({ entity: 'receipt', key });
  });

  it('is deterministic: the same inputs give the same transition, ids included', () => {
    const input = { instanceId: 'x9', now: FRI_10, actor: 'ann', record: { qty: 1, price: 2, org: 'p1' }, directory };
    expect(JSON.stringify(startInstance(flow, input))).toBe(JSON.stringify(startInstance(flow, input)));
  });

  it('reports a failing rule with the path of the rule', () => {
    const bad = flowOf([MANUAL_START, { id: 'calc', type: 'compute', settings: { assignments: [{ field: 'x', rule: { nope: [] } }] } }, endNode('z')], [['start', 'calc'], ['calc', 'z']]);
    const result = startInstance(bad, { instanceId: 'i', now: FRI_10, actor: 'ann', record: {}, directory });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path])).toEqual([['FLOW_RULE_FAILED', 'nodes.1.settings.assignments.0.rule']]);
  });

  it('stops a loop of automatic steps', () => {
    const loop = flowOf([MANUAL_START, { id: 'c', type: 'condition' }, endNode('z')], [['start', 'c'], ['c', 'z', { condition: false }], ['c', 'c', { isDefault: true }]]);
    const result = startInstance(loop, { instanceId: 'i', now: FRI_10, actor: 'ann', record: {}, directory });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['FLOW_STEP_LIMIT']);
  });
});

describe('wait', () => {
  it('waits a number of working days across the weekend, then resumes when the timer fires', () => {
    const flow = flowOf([MANUAL_START, { id: 'w', type: 'wait', settings: { until: 'elapsed', duration: { workingDays: 1 } } }, endNode('z')], [['start', 'w'], ['w', 'z']]);
    const d = FlowDriver.start(flow, { record: {}, actor: 'ann', now: FRI_10, directory, calendar: CN });
    expect(d.effects.find((e) => e.type === 'create_timer')).toMatchObject({ kind: 'wait', fireAt: at('2026-03-09T02:00:00Z') });
    d.fire('wait');
    expect(d.state.outcome).toBe('z');
  });

  it('waits until a date field, follows changes of it, and passes at once when the date is past', () => {
    const flow = flowOf([MANUAL_START, { id: 'w', type: 'wait', settings: { until: 'field', field: 'due' } }, endNode('z')], [['start', 'w'], ['w', 'z']]);
    const d = FlowDriver.start(flow, { record: { due: '2026-03-20' }, actor: 'ann', now: FRI_10, directory, calendar: CN });
    expect(d.state.timers[0]?.fireAt).toBe(at('2026-03-19T16:00:00Z'));
    d.record = { due: '2026-03-25' };
    d.act(SYSTEM_ACTOR, { type: 'record_changed' }, FRI_10);
    expect(d.state.timers.map((t) => t.fireAt)).toEqual([at('2026-03-24T16:00:00Z')]);
    expect(d.effects.filter((e) => e.type === 'cancel_timer')).toHaveLength(1);
    d.record = { due: '2026-03-01' };
    d.act(SYSTEM_ACTOR, { type: 'record_changed' }, FRI_10);
    expect(d.state.outcome).toBe('z');
    const past = FlowDriver.start(flow, { record: {}, actor: 'ann', now: FRI_10, directory });
    expect(past.state.outcome).toBe('z');
  });

  it('ignores a timer the state no longer holds', () => {
    const flow = flowOf([MANUAL_START, { id: 'w', type: 'wait', settings: { until: 'elapsed', duration: { iso: 'PT1H' } } }, endNode('z')], [['start', 'w'], ['w', 'z']]);
    const d = FlowDriver.start(flow, { record: {}, actor: 'ann', now: FRI_10, directory });
    const result = applyAction(flow, d.state, { type: 'timer_fired', timerId: 'gone' }, { now: FRI_10, actor: SYSTEM_ACTOR, record: {}, directory });
    expect(result.ok && result.value.state).toEqual(d.state);
  });
});

describe('parallel split and join', () => {
  const flow = flowOf(
    [MANUAL_START, { id: 'split', type: 'parallel_split' },
      approvalNode('legal', { approvers: [{ by: 'user', users: ['bob'] }] }),
      { id: 'docs', type: 'form_task', settings: { form: 'x', assignees: [{ by: 'initiator' }] } },
      { id: 'extra', type: 'notify', settings: { channel: 'inbox', to: [{ by: 'user', users: ['mia'] }], message: { 'zh-CN': '大额', en: 'Large' } } },
      { id: 'join', type: 'parallel_join', settings: { split: 'split' } },
      endNode('done'), endNode('refused')],
    [['start', 'split'], ['split', 'legal'], ['split', 'docs'], ['split', 'extra', { condition: { '>': [{ var: 'amount' }, 10] } }],
      ['legal', 'join', { sourceHandle: 'approved' }], ['legal', 'refused', { sourceHandle: 'rejected' }], ['docs', 'join'], ['extra', 'join'], ['join', 'done']],
  );

  it('runs every branch (conditional ones when they hold) and continues once all arrive', () => {
    const d = FlowDriver.start(flow, { record: { amount: 5 }, actor: 'ann', now: FRI_10, directory });
    expect(d.openNodes().sort()).toEqual(['docs', 'legal']);
    expect(d.notifications('notify_node')).toEqual([]);
    d.act('bob', { type: 'approve', taskId: d.task('legal').id }, FRI_10);
    expect(d.state.status).toBe('running');
    expect(d.state.joins).toEqual([expect.objectContaining({ expected: 2, arrived: 1 })]);
    d.act('ann', { type: 'submit', taskId: d.task('docs').id, data: { file: 'a.pdf' } }, FRI_10);
    expect(d.state.outcome).toBe('done');
    expect(d.state.tokens).toEqual([]);

    const big = FlowDriver.start(flow, { record: { amount: 50 }, actor: 'ann', now: FRI_10, directory });
    expect(big.state.joins[0]).toMatchObject({ expected: 3, arrived: 1 });
  });

  it('an end reached on one branch ends the instance and cancels the other branch', () => {
    const d = FlowDriver.start(flow, { record: { amount: 5 }, actor: 'ann', now: FRI_10, directory });
    const docs = d.task('docs').id;
    d.act('bob', { type: 'reject', taskId: d.task('legal').id }, FRI_10);
    expect(d.state.outcome).toBe('refused');
    expect(d.state.tasks.find((t) => t.id === docs)?.outcome).toBe('cancelled');
    expect(d.tryAct('ann', { type: 'submit', taskId: docs, data: {} }, FRI_10).map((p) => p.code)).toEqual(['FLOW_INSTANCE_CLOSED']);
  });
});

describe('form tasks and return', () => {
  const flow = flowOf(
    [MANUAL_START,
      { id: 'fill', type: 'form_task', settings: { form: 'x', fields: ['name'], assignees: [{ by: 'record_owner' }] } },
      approvalNode('check', { approvers: [{ by: 'role', role: 'approver', match: { in: [{ var: 'region' }, { var: '$candidate.attributes.regions' }] } }] }),
      approvalNode('final', { approvers: [{ by: 'owner_manager' }] }),
      endNode('ok'), endNode('no')],
    [['start', 'fill'], ['fill', 'check'], ['check', 'final', { sourceHandle: 'approved' }], ['check', 'no', { sourceHandle: 'rejected' }],
      ['final', 'ok', { sourceHandle: 'approved' }], ['final', 'no', { sourceHandle: 'rejected' }]],
  );
  const start = (): FlowDriver => FlowDriver.start(flow, { record: { region: 'east' }, actor: 'ann', recordOwner: 'bob', now: FRI_10, directory });

  it('a form task edits only its fields; FLOW_TASK_CLOSED once it was submitted', () => {
    const d = start();
    const id = d.task('fill').id;
    expect(d.task('fill').seats.map((s) => s.user)).toEqual(['bob']);
    expect(d.tryAct('bob', { type: 'submit', taskId: id, data: { region: 'west' } }, FRI_10).map((p) => p.code)).toEqual(['FLOW_FIELD_NOT_EDITABLE']);
    d.act('bob', { type: 'submit', taskId: id, data: { name: 'Acme' } }, FRI_10);
    expect(d.record.name).toBe('Acme');
    expect(d.tryAct('bob', { type: 'submit', taskId: id, data: {} }, FRI_10).map((p) => [p.code, p.path])).toEqual([['FLOW_TASK_CLOSED', 'taskId']]);
    // the region match picks the east approver only; the owner's manager approves last
    expect(d.task('check').seats.map((s) => s.user)).toEqual(['bob']);
    d.act('bob', { type: 'approve', taskId: d.task('check').id }, FRI_10);
    expect(d.task('final').seats.map((s) => s.user)).toEqual(['mia']);
  });

  it('returns to the latest earlier step, or one named; the start reopens as a resubmission by the initiator', () => {
    const d = start();
    d.act('bob', { type: 'submit', taskId: d.task('fill').id, data: { name: 'Acme' } }, FRI_10);
    d.act('bob', { type: 'approve', taskId: d.task('check').id }, FRI_10);
    expect(d.tryAct('mia', { type: 'return', taskId: d.task('final').id, to: 'ok' }, FRI_10).map((p) => p.code)).toEqual(['FLOW_RETURN_TARGET']);
    d.act('mia', { type: 'return', taskId: d.task('final').id, comment: 'check again' }, FRI_10);
    expect(d.openNodes()).toEqual(['check']);
    d.act('bob', { type: 'return', taskId: d.task('check').id, to: 'start' }, FRI_10);
    const resubmit = d.task('start');
    expect([resubmit.kind, resubmit.seats.map((s) => s.user)]).toEqual(['resubmit', ['ann']]);
    d.act('ann', { type: 'submit', taskId: resubmit.id, data: { name: 'Acme Ltd' } }, FRI_10);
    expect(d.openNodes()).toEqual(['fill']);
    expect(d.record.name).toBe('Acme Ltd');
  });
});

describe('SLA', () => {
  const flowWith = (escalation: Record<string, unknown>) => flowOf(
    [MANUAL_START,
      { id: 'fill', type: 'form_task', settings: { form: 'x', assignees: [{ by: 'initiator' }] } },
      approvalNode('check', { approvers: [{ by: 'user', users: ['bob', 'cat'] }], mode: 'all', sla: { remindAfter: { workingDays: 1 }, escalateAfter: { workingDays: 2 }, escalation } }),
      endNode('ok'), endNode('no')],
    [['start', 'fill'], ['fill', 'check'], ['check', 'ok', { sourceHandle: 'approved' }], ['check', 'no', { sourceHandle: 'rejected' }]],
  );
  const start = (escalation: Record<string, unknown>): FlowDriver => {
    const d = FlowDriver.start(flowWith(escalation), { record: {}, actor: 'ann', now: FRI_10, directory, calendar: CN });
    return d.act('ann', { type: 'submit', taskId: d.task('fill').id, data: {} }, FRI_10);
  };

  it('plants a reminder after 1 and an escalation after 2 working days, across the weekend', () => {
    const d = start({ action: 'reassign_to_manager' });
    const timers = d.effects.filter((e) => e.type === 'create_timer').map((e) => [e.kind, e.fireAt]);
    expect(timers).toEqual([['reminder', at('2026-03-09T02:00:00Z')], ['escalation', at('2026-03-10T02:00:00Z')]]);
    d.fire('reminder');
    expect(d.notifications('reminder')[0]?.recipients).toEqual(['bob', 'cat']);
  });

  it('escalates by handing the open parts to the managers', () => {
    const d = start({ action: 'reassign_to_manager' });
    d.act('cat', { type: 'approve', taskId: d.task('check').id }, FRI_10);
    d.fire('reminder').fire('escalation');
    expect(d.task('check').seats.map((s) => [s.user, s.status])).toEqual([['bob', 'replaced'], ['mia', 'open'], ['cat', 'approved']]);
    expect(d.notifications('escalation')[0]?.recipients).toEqual(['mia']);
    d.act('mia', { type: 'approve', taskId: d.task('check').id }, '2026-03-10T03:00:00Z');
    expect(d.state.outcome).toBe('ok');
    expect(timeline(d.state).map((e) => e.action)).toEqual(expect.arrayContaining(['reminded', 'escalated']));
  });

  it('escalates by auto-approving, or by returning to the previous step, or by telling the managers', () => {
    const auto = start({ action: 'auto_approve' }).fire('escalation');
    expect(auto.state.outcome).toBe('ok');
    expect(auto.state.history.some((h) => h.action === 'auto_approved' && h.actor === SYSTEM_ACTOR)).toBe(true);

    const back = start({ action: 'auto_return' }).fire('escalation');
    expect(back.openNodes()).toEqual(['fill']);

    const told = start({ action: 'notify_manager' }).fire('escalation');
    expect(told.notifications('escalation')[0]?.recipients).toEqual(['mia']);
    expect(told.openNodes()).toEqual(['check']);
  });

  it('never hands a part to the initiator when the approval excludes them', () => {
    const flow = flowOf(
      [MANUAL_START, approvalNode('check', {
        approvers: [{ by: 'user', users: ['bob', 'cat'] }], mode: 'all', excludeInitiator: true,
        sla: { escalateAfter: { workingDays: 2 }, escalation: { action: 'reassign_to_manager' } },
      }), endNode('ok'), endNode('no')],
      [['start', 'check'], ['check', 'ok', { sourceHandle: 'approved' }], ['check', 'no', { sourceHandle: 'rejected' }]],
    );
    // mia, the approvers' manager, started it: escalation leaves the parts where they are
    const d = FlowDriver.start(flow, { record: {}, actor: 'mia', now: FRI_10, directory, calendar: CN }).fire('escalation');
    expect(d.task('check').seats.map((s) => [s.user, s.status])).toEqual([['bob', 'open'], ['cat', 'open']]);
  });

  it('cancels the SLA timers when the task closes, and ignores them if they fire anyway', () => {
    const d = start({ action: 'auto_approve' });
    const escalation = d.state.timers.find((t) => t.kind === 'escalation');
    d.act('bob', { type: 'reject', taskId: d.task('check').id }, FRI_10);
    expect(d.effects.filter((e) => e.type === 'cancel_timer').length).toBe(2);
    expect(d.state.timers).toEqual([]);
    expect(d.tryAct(SYSTEM_ACTOR, { type: 'timer_fired', timerId: escalation?.id ?? '' }, FRI_10).map((p) => p.code)).toEqual(['FLOW_INSTANCE_CLOSED']);
  });
});

describe('start triggers and the timeline', () => {
  it('fires on a field change matching the rule only', () => {
    const flow = flowOf([{ id: 'start', type: 'start', settings: { trigger: { on: 'field_change', fields: ['status'], when: { '==': [{ var: 'status' }, 'submitted'] } } } }, endNode('z')], [['start', 'z']]);
    const ctx = { now: FRI_10, actor: 'ann', record: {}, directory };
    const fires = (before: Record<string, string>, after: Record<string, string>) => triggerFires(flow, { kind: 'updated', before, after }, ctx);
    expect(fires({ status: 'draft' }, { status: 'submitted' })).toEqual({ ok: true, value: true });
    expect(fires({ status: 'submitted', x: '1' }, { status: 'submitted', x: '2' })).toEqual({ ok: true, value: false });
    expect(fires({ status: 'draft' }, { status: 'rejected' })).toEqual({ ok: true, value: false });
    expect(triggerFires(flow, { kind: 'created', before: null, after: { status: 'submitted' } }, ctx)).toEqual({ ok: true, value: false });
  });

  it('tells which kind of write can start a flow before looking at the record', () => {
    const on = (trigger: Record<string, unknown>) => flowOf([{ id: 'start', type: 'start', settings: { trigger } }, endNode('z')], [['start', 'z']]);
    const changed = on({ on: 'field_change', fields: ['status'] });
    const created = on({ on: 'record_created' });
    expect([mayStartOn(changed, 'created'), mayStartOn(changed, 'updated')]).toEqual([false, true]);
    expect([mayStartOn(created, 'created'), mayStartOn(created, 'updated')]).toEqual([true, false]);
    expect(mayStartOn(on({ on: 'manual' }), 'created')).toBe(false);
  });

  it('tells who did what, when, with comments and data changes', () => {
    const flow = flowOf([MANUAL_START, approvalNode('r', { approvers: [{ by: 'user', users: ['bob'] }], fields: ['limit'] }), endNode('ok'), endNode('no')],
      [['start', 'r'], ['r', 'ok', { sourceHandle: 'approved' }], ['r', 'no', { sourceHandle: 'rejected' }]]);
    const d = FlowDriver.start(flow, { record: { limit: 1 }, actor: 'ann', now: FRI_10, directory });
    d.act('bob', { type: 'comment', taskId: d.task('r').id, comment: 'looking' }, '2026-03-06T03:00:00.000Z');
    d.act('bob', { type: 'approve', taskId: d.task('r').id, comment: 'ok', data: { limit: 9 } }, '2026-03-06T04:00:00.000Z');
    const lines = timeline(d.state);
    expect(lines.map((l) => [l.actor, l.action, l.at])).toEqual([
      ['ann', 'started', FRI_10], [null, 'task_opened', FRI_10],
      ['bob', 'commented', '2026-03-06T03:00:00.000Z'], ['bob', 'approved', '2026-03-06T04:00:00.000Z'], [null, 'completed', '2026-03-06T04:00:00.000Z'],
    ]);
    const approved = lines[3];
    expect([approved?.comment, approved?.changes, approved?.step?.en, approved?.what['zh-CN']]).toEqual(['ok', [{ field: 'limit', from: 1, to: 9 }], 'Approval r', '同意']);
    expect(d.tryAct('eve', { type: 'comment', comment: 'x' }, FRI_10).map((p) => p.code)).toEqual(['FLOW_INSTANCE_CLOSED']);
  });
});
