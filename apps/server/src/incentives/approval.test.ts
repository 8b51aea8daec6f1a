import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '@trellis/storage';
import { problemOf, testBackends } from '@trellis/storage/testing';
import { actOnInstance } from '../flows/run.js';
import { flowScope } from '../flows/scope.js';
import { approvalStep } from './approval.js';
import { runDiff } from './diff.js';
import { cancelRun } from './run.js';
import { runStore } from './store.js';
import { addFinanceUsers, FINANCE, importPrograms, insert, partner, performance, runToEnd } from './test-fixtures.js';

const GROWTH = 'quarterly_growth_rebate';
const [F1, F2, F3] = FINANCE;

async function sqlError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as Error).message);
  }
  throw new Error('expected the statement to be refused');
}

describe.each(testBackends())('approval and final results on $kind', (backend) => {
  let storage: Storage;
  let recordIds: string[];
  beforeAll(async () => {
    storage = await backend.open();
    await importPrograms(storage);
    await addFinanceUsers(storage);
    await insert(storage, 'partner', [partner('C1'), partner('C2')]);
    recordIds = await insert(storage, 'performance', [
      performance('C1', '2025-Q2', '100000', '1'), performance('C1', '2026-Q2', '140000', '1'),
      performance('C2', '2025-Q2', '100000', '1'), performance('C2', '2026-Q2', '100000', '1'),
    ]);
  }, 60_000);
  afterAll(() => storage.close());

  it('goes computed → submitted (the approval flow: a task for finance, not the submitter) → approved and final, audited', async () => {
    const run = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    expect(await problemOf(approvalStep(storage, run.id, 'approve', F2))).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT' });
    const submitted = await approvalStep(storage, run.id, 'submit', F1);
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: F1 });
    const instance = await storage.read.flowInstances.get(submitted.approvalInstance ?? '');
    expect(instance).toMatchObject({ flowId: 'incentive_run_approval', status: 'running', startedBy: F1, recordId: null });
    // the task waits in the other finance users' inboxes, never in the submitter's
    const tasks = await storage.read.flowTasks.list({ instanceId: instance?.id ?? '', status: 'open' });
    expect(tasks.items.map((t) => [t.node, [...t.assignees].sort()])).toEqual([['finance_review', [F2, F3].sort()]]);
    expect((await storage.read.flowTasks.list({ assignee: F1, status: 'open' })).items).toEqual([]);
    expect((await storage.read.inbox.list({ recipient: F2 })).items.map((m) => m.reason)).toContain('task_assigned');
    expect(await problemOf(approvalStep(storage, run.id, 'approve', F1))).toMatchObject({ code: 'PERM_SAME_APPROVER' });
    expect(await problemOf(approvalStep(storage, run.id, 'approve', 'someone-else'))).toMatchObject({ code: 'PERM_NOT_APPROVER' });
    expect((await runStore(storage.sql).get(run.id))?.status).toBe('submitted');

    const final = await approvalStep(storage, run.id, 'approve', F2);
    expect(final).toMatchObject({ status: 'final', submittedBy: F1, approvedBy: F2, finalizedBy: F2, approvalInstance: instance?.id });
    expect(await storage.read.flowInstances.get(instance?.id ?? '')).toMatchObject({ status: 'completed', outcome: 'approved' });
    const audit = await storage.read.audit.list({ app: 'prm', limit: 50 });
    expect(audit.items.map((e) => e.action).filter((a) => a.startsWith('incentive.')).slice(0, 4)).toEqual([
      'incentive.run.finalize', 'incentive.run.approve', 'incentive.run.submit', 'incentive.run.computed',
    ]);

    // every way of changing it is refused: the service, and plain SQL through the triggers
    for (const action of ['submit', 'approve', 'reject', 'finalize'] as const) {
      expect(await problemOf(approvalStep(storage, run.id, action, F3))).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT' });
    }
    expect(await problemOf(cancelRun(storage, run.id, F1))).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT' });
    const before = await runStore(storage.sql).results(run.id, { limit: 10 });
    expect(await sqlError(storage.sql.query(`UPDATE incentive_results SET amount = 1 WHERE run_id = $1::uuid`, [run.id]))).toMatch(/locked/);
    expect(await sqlError(storage.sql.query(`DELETE FROM incentive_results WHERE run_id = $1::uuid`, [run.id]))).toMatch(/locked/);
    expect(await sqlError(storage.sql.query(`UPDATE incentive_runs SET status = 'computed' WHERE id = $1::uuid`, [run.id]))).toMatch(/final/);
    expect(await sqlError(storage.sql.query(`DELETE FROM incentive_runs WHERE id = $1::uuid`, [run.id]))).toMatch(/locked/);
    expect(await runStore(storage.sql).results(run.id, { limit: 10 })).toEqual(before);

    // a correction: C2 sold more, the period is run again; the final run stays, the new one owes the difference
    const record = await storage.read.records.get(recordIds[3] as string);
    await storage.transaction((tx) => tx.records.update({
      id: recordIds[3] as string, expectedRevision: record?.revision ?? 0, data: { ...record?.data, actual: '125000' }, actor: 'test',
    }));
    const correction = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    expect(correction).toMatchObject({ status: 'computed', correctsRun: run.id, previousRun: run.id });
    expect(await runStore(storage.sql).adjustments(correction.id)).toEqual([
      { program: GROWTH, subject: 'C2', paid: '0.00', due: '2500.00', amount: '2500.00' },
    ]);
    expect((await runDiff(storage.sql, correction.id, { limit: 10 })).entries.map((e) => e.subject)).toEqual(['C2']);
    expect(await runStore(storage.sql).results(run.id, { limit: 10 })).toEqual(before);
    expect((await runStore(storage.sql).get(run.id))?.status).toBe('final');
  });

  it('rejected, goes back to computed: its results are replaced by a rerun, which is submitted again', async () => {
    const runs = await runStore(storage.sql).list('prm', '2026-Q2');
    const open = runs.find((r) => r.status === 'computed');
    const submitted = await approvalStep(storage, open?.id ?? '', 'submit', F1);
    expect(await problemOf(runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] }))).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT', path: 'period' });
    const rejected = await approvalStep(storage, submitted.id, 'reject', F3, { comment: 'check C2 again' });
    expect(rejected).toMatchObject({ status: 'computed', submittedBy: null, approvedBy: null });
    expect(await storage.read.flowInstances.get(submitted.approvalInstance ?? '')).toMatchObject({ status: 'completed', outcome: 'rejected' });
    const audit = await storage.read.audit.list({ app: 'prm', limit: 5 });
    expect(audit.items.find((e) => e.action.startsWith('incentive.'))).toMatchObject({ action: 'incentive.run.reject', actor: F3 });

    const rerun = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    expect(rerun).toMatchObject({ status: 'computed', previousRun: submitted.id });
    expect((await runStore(storage.sql).get(submitted.id))?.status).toBe('superseded');
    const again = await approvalStep(storage, rerun.id, 'submit', F1);
    expect(again.approvalInstance).not.toBe(submitted.approvalInstance);
  });

  it('withdrawn by its submitter before anyone decided, goes back to computed too', async () => {
    const [open] = (await runStore(storage.sql).list('prm', '2026-Q2')).filter((r) => r.status === 'submitted');
    const instanceId = open?.approvalInstance ?? '';
    await storage.transaction((tx) => actOnInstance(flowScope(tx, { now: storage.now() }), { instanceId, action: { type: 'withdraw' }, actor: F1 }));
    expect(await runStore(storage.sql).get(open?.id ?? '')).toMatchObject({ status: 'computed', submittedBy: null });
    expect(await storage.read.flowInstances.get(instanceId)).toMatchObject({ status: 'withdrawn' });
    await approvalStep(storage, open?.id ?? '', 'submit', F1);
  });

  it('refuses a new run of a period while one awaits approval', async () => {
    const runs = await runStore(storage.sql).list('prm', '2026-Q2');
    expect(runs.find((r) => r.status === 'computed')).toBeUndefined();
    const refused = await problemOf(runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] }));
    expect(refused).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT', path: 'period' });
  });

  it('frees a period held by a run whose server stopped reporting, but not by a live one', async () => {
    const insertRunning = (id: string, startedAt: string) => storage.sql.query(
      `INSERT INTO incentive_runs (id, app, period, program_versions, context, status, created_by, created_at, started_at)
       VALUES ($1::uuid, 'prm', '2026-Q3', '[]', '{}', 'running', 'x', $2, $2)`, [id, startedAt]);
    await insertRunning('00000000-0000-4000-8000-000000000001', '2000-01-01T00:00:00Z');
    const run = await runToEnd(storage, { period: '2026-Q3', programs: [GROWTH] });
    expect(run.status).toBe('computed');
    // marked failed, then replaced like any failed draft
    expect(await runStore(storage.sql).get('00000000-0000-4000-8000-000000000001')).toBeNull();
    await insertRunning('00000000-0000-4000-8000-000000000002', storage.now().toISOString());
    expect(await problemOf(runToEnd(storage, { period: '2026-Q3', programs: [GROWTH] }))).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT', path: 'period' });
  });
});

describe.each(testBackends())('a run without an approval flow on $kind', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.open();
    await importPrograms(storage, (template) => {
      for (const program of template.programs ?? []) delete (program as { approvalFlow?: string }).approvalFlow;
    });
    await addFinanceUsers(storage);
    await insert(storage, 'partner', [partner('C1')]);
    await insert(storage, 'performance', [performance('C1', '2025-Q2', '100000', '1'), performance('C1', '2026-Q2', '140000', '1')]);
  }, 60_000);
  afterAll(() => storage.close());

  it('cannot be submitted, naming the program, and stays computed', async () => {
    const run = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    expect(await problemOf(approvalStep(storage, run.id, 'submit', F1))).toMatchObject({
      code: 'INCENTIVE_NO_APPROVAL_FLOW', path: 'programs', details: { program: GROWTH },
    });
    expect(await runStore(storage.sql).get(run.id)).toMatchObject({ status: 'computed', submittedBy: null, approvalInstance: null });
    expect((await storage.read.flowInstances.list({ app: 'prm' })).items).toEqual([]);
  });
});
