/**
 * Acting on tasks under contention and retries: concurrent approvals of one task make exactly one
 * transition (one audit entry), the rest get 409; an Idempotency-Key replays the first result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowWorld, submitApplication, type FlowWorld } from '../../testing/flow-world.js';

const CHECKLIST = {
  'checklist.licenceVerified': true, 'checklist.complianceTrainingDone': true, 'checklist.showcaseStoreChecked': true,
  'checklist.noConflictOfInterest': true, 'checklist.creditCheckPassed': true,
};

let w: FlowWorld;
beforeAll(async () => {
  w = await flowWorld('2026-04-03T02:00:00.000Z');
}, 120_000);
afterAll(async () => w.close());

/** A fresh application waiting for the east channel manager; returns its task and record ids. */
async function pendingReview(no: string): Promise<{ taskId: string; recordId: string; instanceId: string }> {
  const record = await submitApplication(w, no, 100000);
  const tasks = (await w.send('cm_east', 'GET', '/api/tasks')).json().items as { id: string; recordId: string; instanceId: string }[];
  const task = tasks.find((t) => t.recordId === record.id);
  if (task === undefined) throw new Error('no review task');
  return { taskId: task.id, recordId: record.id, instanceId: task.instanceId };
}

async function flowAudit(recordId: string): Promise<string[]> {
  const page = await w.t.storage.read.audit.list({ recordId, limit: 500 });
  return page.items.filter((e) => e.action.startsWith('flow.')).map((e) => e.action).reverse();
}

const approve = (taskId: string, headers: Record<string, string> = {}, extra: object = {}) =>
  w.send('cm_east', 'POST', `/api/tasks/${taskId}/actions`, { type: 'approve', data: CHECKLIST, ...extra }, headers);

describe('concurrent actions on one task', () => {
  it('50 parallel approvals: one transition, one audit entry, 49 × 409', async () => {
    const { taskId, recordId } = await pendingReview('OB26000100');
    const responses = await Promise.all(Array.from({ length: 50 }, () => approve(taskId)));
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(new Set(responses.filter((r) => r.statusCode === 409).map((r) => r.json().code))).toEqual(new Set(['FLOW_TASK_CLOSED']));
    expect(responses.find((r) => r.statusCode === 409)?.headers['content-type']).toContain('application/problem+json');
    expect(await flowAudit(recordId)).toEqual(['flow.start', 'flow.approve']);
    expect((await w.send('applicant', 'GET', '/api/tasks')).json().items.filter((t: { recordId: string }) => t.recordId === recordId)).toHaveLength(1);
  });

  it('refuses an action on a revision the instance has moved past (409), changing nothing', async () => {
    const { taskId, recordId } = await pendingReview('OB26000101');
    const comment = await w.send('cm_east', 'POST', `/api/tasks/${taskId}/actions`, { type: 'comment', comment: '请补充', revision: 1 });
    expect(comment.statusCode).toBe(200);
    const stale = await approve(taskId, {}, { revision: 1 });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'FLOW_INSTANCE_CONFLICT']);
    expect(await flowAudit(recordId)).toEqual(['flow.start', 'flow.comment']);
  });

  it('only an assignee acts; unknown tasks are 404; bad bodies 400', async () => {
    const { taskId } = await pendingReview('OB26000102');
    const outsider = await w.send('cm_south', 'POST', `/api/tasks/${taskId}/actions`, { type: 'approve' });
    expect([outsider.statusCode, outsider.json().code]).toEqual([403, 'FLOW_NOT_ASSIGNEE']);
    expect((await w.send('cm_east', 'POST', '/api/tasks/nope.t1/actions', { type: 'approve' })).statusCode).toBe(404);
    const bad = await w.send('cm_east', 'POST', `/api/tasks/${taskId}/actions`, { type: 'approve', owner: 'me' });
    expect([bad.statusCode, bad.json().errors[0].path]).toEqual([400, 'body.owner']);
    expect((await w.send('cm_south', 'GET', `/api/tasks/${taskId}`)).statusCode).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('a retry returns the first result and does not act twice', async () => {
    const { taskId, recordId } = await pendingReview('OB26000110');
    const key = { 'idempotency-key': 'approve-OB26000110' };
    const first = await approve(taskId, key);
    const retry = await approve(taskId, key);
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    expect(first.json().replayed).toBe(false);
    expect(retry.json()).toEqual({ ...first.json(), replayed: true });
    expect(await flowAudit(recordId)).toEqual(['flow.start', 'flow.approve']);
    // without the key the same click is refused: the task is closed
    expect((await approve(taskId)).statusCode).toBe(409);
  });

  it('parallel requests with one key act once and all answer the same result', async () => {
    const { taskId, recordId } = await pendingReview('OB26000111');
    const key = { 'idempotency-key': 'double-click-111' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => approve(taskId, key)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(new Set(responses.map((r) => r.json().instance.revision)).size).toBe(1);
    expect(await flowAudit(recordId)).toEqual(['flow.start', 'flow.approve']);
  });

  it('refuses the same key for a different request', async () => {
    const { taskId } = await pendingReview('OB26000112');
    const key = { 'idempotency-key': 'k-112' };
    expect((await w.send('cm_east', 'POST', `/api/tasks/${taskId}/actions`, { type: 'comment', comment: 'a' }, key)).statusCode).toBe(200);
    const reused = await w.send('cm_east', 'POST', `/api/tasks/${taskId}/actions`, { type: 'comment', comment: 'b' }, key);
    expect([reused.statusCode, reused.json().code, reused.json().errors[0].path]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key']);
  });
});

describe('managers for escalation', () => {
  it('are set by an administrator through the users API', async () => {
    const set = await w.send('admin', 'PATCH', `/api/users/${w.ids.cm_south}`, { manager: w.ids.cfo });
    expect([set.statusCode, set.json().manager]).toEqual([200, w.ids.cfo]);
    const unknown = await w.send('admin', 'PATCH', `/api/users/${w.ids.cm_south}`, { manager: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.statusCode, unknown.json().errors[0].path]).toEqual([404, 'manager']);
    expect((await w.send('admin', 'PATCH', `/api/users/${w.ids.cm_south}`, { manager: 'nobody' })).statusCode).toBe(400);
  });
});
