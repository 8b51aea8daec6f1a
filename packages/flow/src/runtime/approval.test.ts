import { describe, expect, it } from 'vitest';
import { FlowDriver, memoryDirectory, oneApproval } from '../testing/index.js';

const directory = memoryDirectory([
  { id: 'ann', roles: ['initiator'], manager: 'mia' },
  { id: 'bob', roles: ['approver'], manager: 'mia' },
  { id: 'cat', roles: ['approver'], manager: 'mia' },
  { id: 'dan', roles: ['approver'], manager: 'max' },
  { id: 'eve', roles: ['auditor'] },
  { id: 'mia', roles: ['manager'] },
  { id: 'max', roles: ['manager'] },
]);
const T0 = '2026-03-02T01:00:00.000Z'; // a Monday
const T1 = '2026-03-02T02:00:00.000Z';
const T2 = '2026-03-02T03:00:00.000Z';
const approvers = [{ by: 'role', role: 'approver' }];

function run(settings: Record<string, unknown>): FlowDriver {
  return FlowDriver.start(oneApproval({ approvers, ...settings }), { record: {}, actor: 'ann', now: T0, directory });
}

describe('approval modes', () => {
  it('any: the first approval decides', () => {
    const d = run({ mode: 'any' });
    const task = d.task('review');
    expect(task.seats.map((s) => [s.user, s.status])).toEqual([['bob', 'open'], ['cat', 'open'], ['dan', 'open']]);
    d.act('cat', { type: 'approve', taskId: task.id, comment: 'fine' }, T1);
    expect(d.state.status).toBe('completed');
    expect(d.state.outcome).toBe('approved');
    expect(d.state.tasks[0]?.seats.map((s) => s.status)).toEqual(['skipped', 'approved', 'skipped']);
  });

  it('any: the first rejection decides too', () => {
    const d = run({ mode: 'any' });
    d.act('bob', { type: 'reject', taskId: d.task('review').id }, T1);
    expect(d.state.outcome).toBe('rejected');
  });

  it('all: waits for everyone; one rejection rejects', () => {
    const d = run({ mode: 'all' });
    const id = d.task('review').id;
    d.act('bob', { type: 'approve', taskId: id }, T1).act('cat', { type: 'approve', taskId: id }, T1);
    expect(d.state.status).toBe('running');
    d.act('dan', { type: 'approve', taskId: id }, T2);
    expect(d.state.outcome).toBe('approved');

    const r = run({ mode: 'all' });
    r.act('bob', { type: 'approve', taskId: r.task('review').id }, T1).act('dan', { type: 'reject', taskId: r.task('review').id }, T2);
    expect(r.state.outcome).toBe('rejected');
  });

  it('ratio: 2 of 3 approve (ceil(0.5 × 3)); rejected once the ratio is out of reach', () => {
    const d = run({ mode: 'ratio', ratio: 0.5 });
    const id = d.task('review').id;
    d.act('bob', { type: 'approve', taskId: id }, T1);
    expect(d.state.status).toBe('running');
    d.act('cat', { type: 'approve', taskId: id }, T1);
    expect(d.state.outcome).toBe('approved');

    const r = run({ mode: 'ratio', ratio: 0.5 });
    const rid = r.task('review').id;
    r.act('bob', { type: 'reject', taskId: rid }, T1);
    expect(r.state.status).toBe('running');
    r.act('cat', { type: 'reject', taskId: rid }, T1);
    expect(r.state.outcome).toBe('rejected');
  });

  it('sequential: one approver at a time, in order, each notified when it is their turn', () => {
    const d = run({ mode: 'all', order: 'sequential' });
    const id = d.task('review').id;
    expect(d.task('review').seats.map((s) => s.status)).toEqual(['open', 'queued', 'queued']);
    expect(d.tryAct('cat', { type: 'approve', taskId: id }, T1).map((p) => p.code)).toEqual(['FLOW_NOT_ASSIGNEE']);
    d.act('bob', { type: 'approve', taskId: id }, T1);
    expect(d.task('review').seats.map((s) => s.status)).toEqual(['approved', 'open', 'queued']);
    expect(d.notifications('task_assigned').at(-1)?.recipients).toEqual(['cat']);
    d.act('cat', { type: 'approve', taskId: id }, T1).act('dan', { type: 'approve', taskId: id }, T2);
    expect(d.state.outcome).toBe('approved');
  });
});

describe('acting on tasks', () => {
  it('refuses a closed task (FLOW_TASK_CLOSED) and someone not assigned (FLOW_NOT_ASSIGNEE), leaving the state alone', () => {
    const d = run({ mode: 'any' });
    const id = d.task('review').id;
    const before = JSON.stringify(d.state);
    expect(d.tryAct('eve', { type: 'approve', taskId: id }, T1).map((p) => [p.code, p.path])).toEqual([['FLOW_NOT_ASSIGNEE', 'taskId']]);
    expect(JSON.stringify(d.state)).toBe(before);
    d.act('bob', { type: 'approve', taskId: id }, T1);
    expect(d.tryAct('cat', { type: 'approve', taskId: id }, T2).map((p) => p.code)).toEqual(['FLOW_INSTANCE_CLOSED']);
    expect(d.tryAct('cat', { type: 'approve', taskId: 'nope' }, T2).map((p) => p.code)).toEqual(['FLOW_INSTANCE_CLOSED']);
  });

  it('reassigns a part to someone else, who is told', () => {
    const d = run({ mode: 'all' });
    const id = d.task('review').id;
    d.act('bob', { type: 'reassign', taskId: id, to: 'eve', comment: 'on leave' }, T1);
    expect(d.task('review').seats.map((s) => [s.user, s.status])).toEqual([['bob', 'replaced'], ['eve', 'open'], ['cat', 'open'], ['dan', 'open']]);
    expect(d.notifications('task_assigned').at(-1)?.recipients).toEqual(['eve']);
    expect(d.tryAct('bob', { type: 'approve', taskId: id }, T1).map((p) => p.code)).toEqual(['FLOW_NOT_ASSIGNEE']);
    expect(d.tryAct('cat', { type: 'reassign', taskId: id, to: 'dan' }, T1).map((p) => p.code)).toEqual(['FLOW_ALREADY_ASSIGNED']);
    expect(d.tryAct('cat', { type: 'reassign', taskId: id, to: 'zed' }, T1).map((p) => p.code)).toEqual(['FLOW_UNKNOWN_USER']);
    for (const u of ['eve', 'cat', 'dan']) d.act(u, { type: 'approve', taskId: id }, T2);
    expect(d.state.outcome).toBe('approved');
  });

  it('adds an approver before: the newcomer decides first, then the actor', () => {
    const d = run({ mode: 'any', approvers: [{ by: 'user', users: ['bob'] }] });
    const id = d.task('review').id;
    d.act('bob', { type: 'add_approver', taskId: id, user: 'eve', position: 'before' }, T1);
    expect(d.task('review').seats.map((s) => [s.user, s.status])).toEqual([['eve', 'open'], ['bob', 'blocked']]);
    expect(d.tryAct('bob', { type: 'approve', taskId: id }, T1).map((p) => p.code)).toEqual(['FLOW_NOT_ASSIGNEE']);
    d.act('eve', { type: 'approve', taskId: id }, T1);
    expect(d.state.status).toBe('running');
    d.act('bob', { type: 'approve', taskId: id }, T2);
    expect(d.state.outcome).toBe('approved');
  });

  it('adds an approver after: the actor approves, the step passes only once the newcomer approves too', () => {
    const d = run({ mode: 'any', approvers: [{ by: 'user', users: ['bob'] }] });
    const id = d.task('review').id;
    d.act('bob', { type: 'add_approver', taskId: id, user: 'eve', position: 'after' }, T1);
    expect(d.state.status).toBe('running');
    expect(d.task('review').seats.map((s) => [s.user, s.status])).toEqual([['bob', 'approved'], ['eve', 'open']]);
    d.act('eve', { type: 'reject', taskId: id }, T2);
    expect(d.state.outcome).toBe('rejected');
  });

  it('lets approvers edit only the fields the step allows', () => {
    const d = FlowDriver.start(oneApproval({ approvers, fields: ['limit'] }), { record: { limit: 1 }, actor: 'ann', now: T0, directory });
    const id = d.task('review').id;
    expect(d.tryAct('bob', { type: 'approve', taskId: id, data: { other: 2 } }, T1).map((p) => [p.code, p.path])).toEqual([['FLOW_FIELD_NOT_EDITABLE', 'data.other']]);
    d.act('bob', { type: 'approve', taskId: id, data: { limit: 5 } }, T1);
    expect(d.record.limit).toBe(5);
    expect(d.state.history.find((h) => h.action === 'approved')?.changes).toEqual([{ field: 'limit', from: 1, to: 5 }]);
  });
});

describe('excludeInitiator', () => {
  const byBob = (settings: Record<string, unknown>) => FlowDriver.start(oneApproval({ approvers, mode: 'any', ...settings }), { record: {}, actor: 'bob', now: T0, directory });

  it('leaves who started the instance out of the approvers, and nobody can hand them a part', () => {
    const d = byBob({ excludeInitiator: true });
    const id = d.task('review').id;
    expect(d.task('review').seats.map((s) => s.user)).toEqual(['cat', 'dan']);
    expect(d.tryAct('bob', { type: 'approve', taskId: id }, T1).map((p) => p.code)).toEqual(['FLOW_NOT_ASSIGNEE']);
    expect(d.tryAct('cat', { type: 'reassign', taskId: id, to: 'bob' }, T1).map((p) => [p.code, p.path])).toEqual([['FLOW_INITIATOR_EXCLUDED', 'to']]);
    expect(d.tryAct('cat', { type: 'add_approver', taskId: id, user: 'bob', position: 'after' }, T1).map((p) => [p.code, p.path])).toEqual([['FLOW_INITIATOR_EXCLUDED', 'user']]);
    d.act('dan', { type: 'approve', taskId: id }, T2);
    expect(d.state.outcome).toBe('approved');
  });

  it('is off by default: the initiator approves like anyone with the role', () => {
    expect(byBob({}).task('review').seats.map((s) => s.user)).toEqual(['bob', 'cat', 'dan']);
  });

  it('refuses to open the step when the initiator was its only approver', () => {
    const only = oneApproval({ approvers: [{ by: 'user', users: ['bob'] }], mode: 'any', excludeInitiator: true });
    expect(() => FlowDriver.start(only, { record: {}, actor: 'bob', now: T0, directory })).toThrow(/FLOW_NO_ASSIGNEES/);
  });
});

describe('withdraw', () => {
  it('the initiator may withdraw until someone has acted; everything open stops', () => {
    const d = run({ mode: 'all', sla: { remindAfter: { iso: 'P1D' } } });
    expect(d.tryAct('bob', { type: 'withdraw' }, T1).map((p) => p.code)).toEqual(['FLOW_NOT_INITIATOR']);
    d.act('ann', { type: 'comment', comment: 'please hurry' }, T1);
    d.act('ann', { type: 'withdraw', comment: 'wrong data' }, T1);
    expect(d.state.status).toBe('withdrawn');
    expect(d.state.tasks.every((t) => t.status === 'closed' && t.outcome === 'cancelled')).toBe(true);
    expect(d.state.timers).toEqual([]);
    expect(d.effects.filter((e) => e.type === 'cancel_timer')).toHaveLength(1);
  });

  it('is too late once an approver has decided', () => {
    const d = run({ mode: 'all' });
    d.act('bob', { type: 'approve', taskId: d.task('review').id }, T1);
    expect(d.tryAct('ann', { type: 'withdraw' }, T2).map((p) => p.code)).toEqual(['FLOW_WITHDRAW_TOO_LATE']);
  });
});
