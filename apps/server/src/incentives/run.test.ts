import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Storage } from '@trellis/storage';
import { problemOf, testBackends } from '@trellis/storage/testing';
import { runDiff } from './diff.js';
import { cancelRun, startRun } from './run.js';
import { runStore } from './store.js';
import { importPrograms, insert, partner, performance, runToEnd } from './test-fixtures.js';

const ANNUAL = 'annual_attainment_rebate';

/** attainment = actual ÷ 1,000,000 (rounded to 4 places), hand-computed payouts. */
const GOLDEN: readonly [string, string, string][] = [
  ['A7999', '799900', '0.00'],          // 79.99 %: below 80 %, no rebate
  ['A8000', '800000', '16000.00'],      // 80 %: 2 %
  ['A8000R', '800000.25', '16000.01'],  // 80 %: 2 % of 800,000.25 = 16,000.005 → half-up 16,000.01
  ['A9000', '900000', '27000.00'],      // 90 %: 3 %
  ['A10000', '1000000', '50000.00'],    // 100 %: 5 %
  ['A12000', '1200000', '60000.00'],    // 120 % (inclusive): 5 %
  ['A12001', '1200100', '96008.00'],    // 120.01 %: 8 %
  ['ACAP', '40000000', '3000000.00'],   // 4000 %: 8 % = 3,200,000, capped per partner at 3,000,000
];

describe.each(testBackends())('incentive runs on $kind', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.open();
    await importPrograms(storage);
    await insert(storage, 'partner', [...GOLDEN.map(([id]) => partner(id)), partner('XRED', { warnings: [{ card: 'red' }] })]);
    await insert(storage, 'performance', [
      ...GOLDEN.map(([id, actual]) => performance(id, '2026-Q1', actual, id === 'ACAP' ? '1000000' : '1000000')),
      performance('XRED', '2026-Q1', '1000000', '1000000'),
    ]);
  }, 60_000);
  afterAll(() => storage.close());

  it('pays every tier boundary as computed by hand, with the explanation kept', async () => {
    const run = await runToEnd(storage, { period: '2026', programs: [ANNUAL], pageSize: 3 });
    expect(run).toMatchObject({ status: 'computed', progress: { done: 9, total: 9 } });
    const results = await runStore(storage.sql).results(run.id, { limit: 100 });
    const amounts = Object.fromEntries(results.map((r) => [r.subject, r.amount]));
    for (const [id, , expected] of GOLDEN) expect(amounts[id], id).toBe(expected);
    expect(amounts.XRED).toBe('0.00');
    const red = results.find((r) => r.subject === 'XRED');
    expect(red).toMatchObject({ eligible: false });
    const capped = results.find((r) => r.subject === 'ACAP');
    expect(capped?.explanation).toMatchObject({ caps: [{ kind: 'perSubject', cap: '3000000.00', subjectBefore: '3200000.00' }] });
    const t = results.find((r) => r.subject === 'A12001');
    expect(t?.inputs).toEqual({ actual: '1200100', target: '1000000' });
    expect(t?.explanation).toMatchObject({ derived: [{ id: 'attainment', value: 1.2001 }, { id: 'rate', table: { rows: 4 } }] });
  });

  it('computes the same results in pages smaller than the subjects as in a single page', async () => {
    const all = async (pageSize: number) => {
      const run = await runToEnd(storage, { period: '2026', pageSize });
      expect(run).toMatchObject({ status: 'computed', progress: { done: run.progress.total } });
      return { programs: run.programs.length, results: await runStore(storage.sql).results(run.id, { limit: 1000 }) };
    };
    const single = await all(1000);
    expect(single.programs).toBeGreaterThan(0);
    expect(single.results.length).toBe(9 * single.programs);
    for (const pageSize of [1, 2, 4]) expect(await all(pageSize)).toEqual(single);
  });
});

describe.each(testBackends())('reruns, diffs, cancel and versions on $kind', (backend) => {
  let storage: Storage;
  let ids: string[];
  beforeAll(async () => {
    storage = await backend.open();
    await importPrograms(storage);
    await insert(storage, 'partner', ['B1', 'B2', 'B3', 'B4'].map((id) => partner(id)));
    ids = await insert(storage, 'performance', [
      performance('B1', '2025-Q2', '100000', '100000'), performance('B1', '2026-Q2', '125000', '100000'),
      performance('B2', '2025-Q2', '100000', '100000'), performance('B2', '2026-Q2', '105000', '100000'),
      performance('B3', '2026-Q2', '50000', '100000'),
    ]);
  }, 60_000);
  afterAll(() => storage.close());

  const GROWTH = 'quarterly_growth_rebate';
  const amounts = async (runId: string) =>
    Object.fromEntries((await runStore(storage.sql).results(runId, { limit: 100 })).map((r) => [`${r.program}/${r.subject}`, r.amount]));

  it('replaces the draft on a rerun and lists what changed per subject, and why', async () => {
    const first = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    const second = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    expect(await amounts(second.id)).toEqual(await amounts(first.id));
    expect((await runStore(storage.sql).get(first.id))?.status).toBe('superseded');
    expect(second.previousRun).toBe(first.id);
    expect((await runDiff(storage.sql, second.id, { limit: 50 })).entries).toEqual([]);

    // B2 grows 5 % → 15 %: from no rebate to 1 %
    const record = await storage.read.records.get(ids[3] as string);
    await storage.transaction((tx) => tx.records.update({
      id: ids[3] as string, expectedRevision: record?.revision ?? 0, data: { ...record?.data, actual: '115000' }, actor: 'test',
    }));
    const third = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    expect(await runStore(storage.sql).get(first.id)).toBeNull();  // the older draft is gone
    const count = await storage.sql.query<{ n: string }>('SELECT count(*)::text AS n FROM incentive_results WHERE run_id = $1::uuid', [third.id]);
    expect(count[0]?.n).toBe('4');
    const diff = await runDiff(storage.sql, third.id, { limit: 50 });
    expect(diff.previousRun).toBe(second.id);
    expect(diff.entries).toEqual([{
      program: GROWTH, subject: 'B2', before: '0.00', after: '1150.00', change: '1150.00',
      reasons: [
        { kind: 'input', id: 'actual', before: '105000', after: '115000' },
        { kind: 'derived', id: 'growth', before: 0.05, after: 0.15 },
        { kind: 'derived', id: 'growth_rate', before: 0, after: 0.01 },
      ],
    }]);
  });

  it('lets other work run between its pages (on PGlite, too, whose queries answer on this thread)', async () => {
    const started = await startRun(storage, { app: 'prm', actor: 'finance-1', period: '2026-Q2', programs: [GROWTH], pageSize: 1 });
    let ended = false;
    const done = started.done.then((run) => { ended = true; return run; });
    const endedBeforeOtherWork = await new Promise<boolean>((resolve) => setImmediate(() => resolve(ended)));
    expect(endedBeforeOtherWork).toBe(false);
    expect(await done).toMatchObject({ status: 'computed' });
  });

  it('stops a cancelled run at its next page and removes its partial results', async () => {
    const started = await startRun(storage, {
      app: 'prm', actor: 'finance-1', period: '2026-Q2', programs: [GROWTH], pageSize: 1,
      onProgress: async ({ done }) => { if (done === 1) await cancelRun(storage, started.run.id, 'finance-1'); },
    });
    const run = await started.done;
    expect(run).toMatchObject({ status: 'cancelled', progress: { total: 4 } });
    expect(run?.progress.done).toBeLessThan(4);
    expect(await runStore(storage.sql).results(started.run.id, { limit: 10 })).toEqual([]);
    expect(await problemOf(cancelRun(storage, started.run.id, 'finance-1'))).toMatchObject({ code: 'INCENTIVE_RUN_CONFLICT' });
  });

  it('uses the program version in force for the period, also when rerunning an old one', async () => {
    const v1 = (await storage.read.definitions.getPublished({ app: 'prm', kind: 'program', id: GROWTH }))?.body as Record<string, unknown>;
    await storage.transaction(async (tx) => {
      await tx.definitions.publish({ app: 'prm', kind: 'program', id: GROWTH, body: { ...v1, effectiveTo: '2026-06-30' } as never, actor: 'test' });
      await tx.definitions.publish({
        app: 'prm', kind: 'program', id: GROWTH, actor: 'test',
        body: { ...v1, effectiveFrom: '2026-07-01', lines: [{ id: 'flat', label: { en: 'flat', 'zh-CN': '固定' }, amount: 7 }] } as never,
      });
    });
    const q2 = await runToEnd(storage, { period: '2026-Q2', programs: [GROWTH] });
    const q3 = await runToEnd(storage, { period: '2026-Q3', programs: [GROWTH] });
    expect(q2.programs.map((p) => p.version)).toEqual([2]);
    expect(q3.programs.map((p) => p.version)).toEqual([3]);
    expect((await amounts(q2.id))[`${GROWTH}/B1`]).toBe('2500.00');
    expect((await amounts(q3.id))[`${GROWTH}/B1`]).toBe('7.00');
    expect(await problemOf(startRun(storage, { app: 'prm', actor: 'x', period: '2025-Q2', programs: [GROWTH] })))
      .toMatchObject({ code: 'INCENTIVE_PROGRAM_NOT_IN_FORCE', path: 'programs.0' });
  });

  it('fails as a whole, naming the formula, when a subject on a later page cannot be computed', async () => {
    const { effectiveTo: _to, ...growth } = (await storage.read.definitions.getPublished({ app: 'prm', kind: 'program', id: GROWTH }))?.body as Record<string, unknown>;
    await storage.transaction((tx) => tx.definitions.publish({
      app: 'prm', kind: 'program', id: 'bonus', actor: 'test',
      body: { ...growth, id: 'bonus', effectiveFrom: '2026-01-01', lines: [{ id: 'bonus', label: { en: 'bonus', 'zh-CN': '奖励' }, amount: { var: ['$subject.bonus', 0] } }] } as never,
    }));
    await insert(storage, 'partner', [partner('ZZ1', { bonus: 5 }), partner('ZZ2', { bonus: 'five' })]);
    const run = await runToEnd(storage, { period: '2026-Q2', programs: ['bonus'], pageSize: 2 });
    expect(run).toMatchObject({ status: 'failed', error: { problems: [{ code: 'INCENTIVE_NOT_A_NUMBER', path: 'lines.0.amount' }] } });
    expect(run.progress.done).toBeGreaterThan(0); // pages before the failing one were written, then removed
    expect(await runStore(storage.sql).results(run.id, { limit: 100 })).toEqual([]);
  });
});
