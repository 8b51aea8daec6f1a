/**
 * A run pays what the engine's reference computes in memory (computeMetrics + the reference
 * evaluator + applyProgramCap) for random partners, and the calculator answers what the run pays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramDefinition } from '@trellis/definitions';
import { applyProgramCap, computeMetrics, evaluateProgram, type ProgramResult } from '@trellis/incentives';
import { seededRandom } from '@trellis/incentives/testing/random';
import type { Storage } from '@trellis/storage';
import { testBackends } from '@trellis/storage/testing';
import { calculateFor, findSubject, programFor } from './calculator.js';
import { runStore } from './store.js';
import { APP, importPrograms, insert, runToEnd } from './test-fixtures.js';

const PERIOD = '2026-Q2';
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];

function randomData(seed: number, partners: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const money = () => (Math.floor(random() * 20_000_000) / 100).toFixed(2);
  const day = (from: number, span: number) => new Date(Date.UTC(2026, 0, 1) + Math.floor(from + random() * span) * 86_400_000).toISOString().slice(0, 10);
  const subjects: Record<string, unknown>[] = [];
  const performance: Record<string, unknown>[] = [];
  const claims: Record<string, unknown>[] = [];
  for (let i = 0; i < partners; i++) {
    const partnerId = `R${String(i).padStart(3, '0')}`;
    subjects.push({
      partnerId, status: pick(['active', 'active', 'active', 'suspended']), tierMetal: pick(['diamond', 'gold', 'silver', 'bronze']),
      kind: pick(['distributor', 'retailer', 'independent_rep', 'agent']), region: pick(['east', 'west', 'north']),
      certifications: random() < 0.85 ? [{ name: 'c' }] : [], warnings: random() < 0.1 ? [{ card: 'red' }] : [],
      joinedOn: day(-500, 640), ...(random() < 0.1 ? { terminatedOn: day(100, 60) } : {}),
    });
    for (const period of QUARTERS) {
      if (random() < 0.25) continue;
      const lines = ['云服务', '硬件', '软件'].filter(() => random() < 0.6).map((line) => ({ line, target: money(), actual: money() }));
      performance.push({ partnerId, period, target: money(), actual: random() < 0.1 ? 0 : money(), productLines: lines });
    }
    for (let c = Math.floor(random() * 3); c > 0; c--) {
      claims.push({ partnerId, activityEndedOn: day(60, 150), actualSpend: money(), status: pick(['verified', 'paid', 'submitted', 'rejected']) });
    }
  }
  return { subjects, performance, claims };
}

describe.each(testBackends())('runs agree with the reference on $kind', (backend) => {
  let storage: Storage;
  let data: ReturnType<typeof randomData>;
  let programs: ProgramDefinition[];
  beforeAll(async () => {
    storage = await backend.open();
    await importPrograms(storage);
    // a program-wide cap and proration, which the template's programs do not use
    const growth = (await storage.read.definitions.getPublished({ app: APP, kind: 'program', id: 'quarterly_growth_rebate' }))?.body;
    await storage.transaction((tx) => tx.definitions.publish({
      app: APP, kind: 'program', id: 'capped_growth', actor: 'test',
      body: { ...growth, id: 'capped_growth', caps: { perProgram: 4000 }, proration: { from: 'joinedOn', to: 'terminatedOn' } } as never,
    }));
    data = randomData(20261, 60);
    await insert(storage, 'partner', data.subjects);
    await insert(storage, 'performance', data.performance);
    await insert(storage, 'mdf_claim', data.claims);
    const published = await storage.read.definitions.listPublished(APP, 'program');
    programs = published.map((d) => d.body as unknown as ProgramDefinition).filter((p) => p.period === 'quarter');
  }, 120_000);
  afterAll(() => storage.close());

  function reference(program: ProgramDefinition): ProgramResult[] {
    const records = { performance: data.performance, mdf_claim: data.claims };
    const results = [...data.subjects].sort((a, b) => String(a.partnerId).localeCompare(String(b.partnerId))).map((subject) => {
      const metrics = computeMetrics(program, PERIOD, records, { subject, evaluator: 'reference' });
      const result = evaluateProgram(program, { subject, metrics, period: PERIOD }, { evaluator: 'reference' });
      // a run computes metrics for eligible subjects only
      return result.eligible ? result : evaluateProgram(program, { subject, metrics: {}, period: PERIOD }, { evaluator: 'reference' });
    });
    const cap = program.caps?.perProgram;
    return cap === undefined ? results : applyProgramCap(results, cap, program.rounding.scale);
  }

  it('pays every random partner exactly what the reference evaluation pays, explanation included', async () => {
    const run = await runToEnd(storage, { period: PERIOD, pageSize: 7 });
    expect(run.status).toBe('computed');
    expect(run.programs.map((p) => p.id).sort()).toEqual(programs.map((p) => p.id).sort());
    let paying = 0;
    for (const program of programs) {
      const stored = await runStore(storage.sql).results(run.id, { program: program.id, limit: 1000 });
      const expected = reference(program);
      expect(stored.map((r) => r.subject)).toEqual(expected.map((r) => r.subject));
      stored.forEach((r, i) => {
        const e = expected[i] as ProgramResult;
        expect({ amount: r.amount, eligible: r.eligible, lines: r.lines, explanation: r.explanation }, `${program.id}/${r.subject}`)
          .toEqual({ amount: e.total, eligible: e.eligible, lines: e.lines, explanation: JSON.parse(JSON.stringify(e.explanation)) });
        if (r.amount !== '0.00') paying++;
      });
    }
    expect(paying).toBeGreaterThan(20);
    const capped = await runStore(storage.sql).programTotal(run.id, 'capped_growth');
    expect(capped).toBe('4000.00');
  });

  it('answers in the calculator what the run pays, and what a rerun pays once the hypothetical sales are real', async () => {
    const run = await runToEnd(storage, { period: PERIOD, programs: ['quarterly_growth_rebate', 'coop_marketing_share'] });
    for (const id of ['quarterly_growth_rebate', 'coop_marketing_share']) {
      const program = await programFor(storage, APP, id, PERIOD);
      for (const stored of await runStore(storage.sql).results(run.id, { program: id, limit: 1000 })) {
        const subject = await findSubject(storage, APP, program, stored.subject);
        const answer = await calculateFor(storage, { app: APP, program: id, period: PERIOD, subject: stored.subject, overrides: {} }, program, subject as never);
        expect(answer.result.total, `${id}/${stored.subject}`).toBe(stored.amount);
        expect(answer.result.lines.map((l) => l.amount)).toEqual((stored.lines as { amount: string }[]).map((l) => l.amount));
      }
    }
    // "if R001 sells 250,000.50 more this quarter"
    const program = await programFor(storage, APP, 'quarterly_growth_rebate', PERIOD);
    const target = data.subjects.find((s, i) => i > 0 && s.status === 'active' && s.tierMetal !== 'bronze' && s.kind !== 'agent'
      && (s.certifications as unknown[]).length > 0 && (s.warnings as unknown[]).length === 0) as Record<string, unknown>;
    const key = String(target.partnerId);
    const subject = await findSubject(storage, APP, program, key);
    const answer = await calculateFor(storage, {
      app: APP, program: program.id, period: PERIOD, subject: key, overrides: { actual: { add: '250000.50' } },
    }, program, subject as never);
    await insert(storage, 'performance', [{ partnerId: key, period: '2026-05', target: 0, actual: '250000.50' }]);
    const rerun = await runToEnd(storage, { period: PERIOD, programs: [program.id] });
    const [paid] = await runStore(storage.sql).results(rerun.id, { program: program.id, subject: key, limit: 1 });
    expect(paid?.amount).toBe(answer.result.total);
    expect(answer.changed.actual?.hypothetical).toBe(paid?.inputs && (paid.inputs as Record<string, unknown>).actual);
  });
});
