import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '@trellis/storage';
import { problemOf, testBackends } from '@trellis/storage/testing';
import { approvalStep } from './approval.js';
import { runDiff } from './diff.js';
import { cancelRun } from './run.js';
import { runStore } from './store.js';
import { importPrograms, insert, partner, performance, runToEnd } from './test-fixtures.js';

const GROWTH = 'quarterly_growth_rebate';

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
    await insert(storage, 'partner', [partner('C1'), partner('C2')]);
    recordIds = await insert(storage, 'performance', [
      performance('C1', '2025-Q2', '100000', '1'), performance('C1', '2026-Q2', '140000', '1'),
      performance('C2', '2025-Q2', '100000', '1'), performance('C2', '2026-Q2', '100000', '1'),
    ]);
  }, 60_000);
  afterAll(() => storage.close());

  it('goes computed → submitted → approved (by someone else) → final, audited, and final results never change', async () => {
    const run = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    expect(await problemOf(approvalStep(storage, run.id, 'approve', 'finance-2'))).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT' });
    await approvalStep(storage, run.id, 'submit', 'finance-1');
    expect(await problemOf(approvalStep(storage, run.id, 'approve', 'finance-1'))).toMatchObject({ code: 'PERM_SAME_APPROVER' });
    await approvalStep(storage, run.id, 'reject', 'finance-2');
    await approvalStep(storage, run.id, 'submit', 'finance-1');
    await approvalStep(storage, run.id, 'approve', 'finance-2');
    const final = await approvalStep(storage, run.id, 'finalize', 'finance-2');
    expect(final).toMatchObject({ status: 'final', submittedBy: 'finance-1', approvedBy: 'finance-2', finalizedBy: 'finance-2' });
    const audit = await storage.read.audit.list({ app: 'prm', limit: 50 });
    expect(audit.items.map((e) => e.action).filter((a) => a.startsWith('incentive.')).slice(0, 6)).toEqual([
      'incentive.run.finalize', 'incentive.run.approve', 'incentive.run.submit', 'incentive.run.reject', 'incentive.run.submit', 'incentive.run.computed',
    ]);

    // every way of changing it is refused: the service, and plain SQL through the triggers
    for (const action of ['submit', 'approve', 'reject', 'finalize'] as const) {
      expect(await problemOf(approvalStep(storage, run.id, action, 'finance-3'))).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT' });
    }
    expect(await problemOf(cancelRun(storage, run.id, 'finance-1'))).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT' });
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

  it('refuses a new run of a period while one awaits approval', async () => {
    const runs = await runStore(storage.sql).list('prm', '2026-Q2');
    const open = runs.find((r) => r.status === 'computed');
    await approvalStep(storage, open?.id ?? '', 'submit', 'finance-1');
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
