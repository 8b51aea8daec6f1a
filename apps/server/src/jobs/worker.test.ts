import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '@trellis/storage';
import { selectedTestBackend } from '@trellis/storage/testing';
import { backoffDelay } from './backoff.js';
import { claimJobs } from './claim.js';
import { cancelJobs, enqueueJob } from './enqueue.js';
import { createJobRegistry } from './registry.js';
import { countEffects, createEffectsTable, readJob, recordEffect } from './testing.js';
import type { JobHandler } from './types.js';
import { createJobWorker } from './worker.js';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const clock = { now: () => T0 };

let storage: Storage;

beforeAll(async () => {
  storage = await selectedTestBackend().open({ now: () => T0 });
  await createEffectsTable(storage);
});
afterAll(async () => storage.close());
beforeEach(async () => {
  // Each test starts from an empty queue; other tests' leftovers would be claimed too.
  await storage.sql.exec('DELETE FROM delivery_log; DELETE FROM jobs; DELETE FROM test_job_effects');
});

/** A worker with one kind, 'test', whose handler records an effect in the job's transaction. */
function workerWith(handler: JobHandler, options: { workerId?: string; maxMs?: number; on?: Storage } = {}) {
  const handlers = createJobRegistry();
  handlers.register('test', handler);
  return createJobWorker({
    storage: options.on ?? storage,
    clock,
    handlers,
    workerId: options.workerId ?? 'w1',
    leaseMs: 60_000,
    random: () => 0.5,
    backoff: { baseMs: 1000, maxMs: options.maxMs ?? 4000 },
  });
}

/** A perform that signals it started and then waits until released. */
function stalledPerform() {
  let release!: () => void;
  const stalled = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const performing = new Promise<void>((resolve) => (started = resolve));
  return { perform: async () => (started(), stalled), performing, release };
}

const recording: JobHandler = { complete: (tx, job, _performed, context) => recordEffect(tx, job.id, context.workerId) };

describe('enqueue and runDue', () => {
  it('runs the due jobs once, leaves future ones queued, and enqueues atomically with the caller', async () => {
    const [due1, due2, later] = await storage.transaction(async (tx) => [
      await enqueueJob(tx, { kind: 'test', runAt: T0, payload: { n: 1 } }),
      await enqueueJob(tx, { kind: 'test', runAt: at(-5000).toISOString(), payload: { n: 2 } }),
      await enqueueJob(tx, { kind: 'test', runAt: at(3_600_000), payload: { n: 3 } }),
    ]);
    await expect(
      storage.transaction(async (tx) => {
        await enqueueJob(tx, { kind: 'test', runAt: T0, payload: {} });
        throw new Error('the caller fails');
      }),
    ).rejects.toThrow('the caller fails');

    const seen: unknown[] = [];
    const worker = workerWith({ complete: async (tx, job) => (seen.push(job.payload), recordEffect(tx, job.id, 'w1')) });
    expect(await worker.runDue(T0)).toEqual({ claimed: 2, done: 2, retried: 0, dead: 0, skipped: 0 });
    expect(seen).toEqual(expect.arrayContaining([{ n: 1 }, { n: 2 }]));
    expect((await readJob(storage, due1!.id)).status).toBe('done');
    expect((await readJob(storage, due2!.id)).status).toBe('done');
    expect(await readJob(storage, later!.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await worker.runDue(T0)).toMatchObject({ claimed: 0 });

    expect(await worker.runDue(at(3_600_000))).toMatchObject({ claimed: 1, done: 1 });
    expect(await countEffects(storage)).toEqual({ rows: 3, distinctJobs: 3 });
  });

  it('claims only the kinds the worker has handlers for', async () => {
    const other = await storage.transaction((tx) => enqueueJob(tx, { kind: 'someone-else', runAt: T0, payload: null }));
    expect(await workerWith(recording).runDue(T0)).toMatchObject({ claimed: 0 });
    expect((await readJob(storage, other.id)).status).toBe('queued');
  });

  it('refuses a bad runAt or maxAttempts before writing anything', async () => {
    await expect(storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: 'soon', payload: null }))).rejects.toThrow(/runAt/);
    await expect(storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: null, maxAttempts: 0 }))).rejects.toThrow(/maxAttempts/);
    expect(await workerWith(recording).runDue(T0)).toMatchObject({ claimed: 0 });
  });
});

describe('dedupe keys and cancelling', () => {
  it('keeps one job per dedupe key, even after it ran', async () => {
    const first = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: { v: 1 }, dedupeKey: 'sla:task-1:remind' }));
    const again = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: at(1000), payload: { v: 2 }, dedupeKey: 'sla:task-1:remind' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    await workerWith(recording).runDue(at(10_000));
    const afterRun = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: {}, dedupeKey: 'sla:task-1:remind' }));
    expect(afterRun).toEqual({ id: first.id, created: false });
    expect(await countEffects(storage)).toEqual({ rows: 1, distinctJobs: 1 });
  });

  it('cancels queued jobs by dedupe key prefix or kind, taking the prefix literally', async () => {
    const ids = await storage.transaction(async (tx) => [
      (await enqueueJob(tx, { kind: 'test', runAt: T0, payload: null, dedupeKey: 'sla:task_1:remind' })).id,
      (await enqueueJob(tx, { kind: 'test', runAt: T0, payload: null, dedupeKey: 'sla:task_1:escalate' })).id,
      (await enqueueJob(tx, { kind: 'test', runAt: T0, payload: null, dedupeKey: 'sla:taskX1:remind' })).id,
      (await enqueueJob(tx, { kind: 'other', runAt: T0, payload: null })).id,
    ]);
    expect(await storage.transaction((tx) => cancelJobs(tx, { dedupeKeyPrefix: 'sla:task_1:' }))).toBe(2);
    expect(await storage.transaction((tx) => cancelJobs(tx, { kind: 'other' }))).toBe(1);
    expect(await storage.transaction((tx) => cancelJobs(tx, { kind: 'other' }))).toBe(0);
    await expect(storage.transaction((tx) => cancelJobs(tx, {}))).rejects.toThrow(/cancelJobs needs/);
    const statuses = await Promise.all(ids.map(async (id) => (await readJob(storage, id)).status));
    expect(statuses).toEqual(['cancelled', 'cancelled', 'queued', 'cancelled']);
    expect(await workerWith(recording).runDue(T0)).toMatchObject({ claimed: 1, done: 1 });
  });

  it('a job cancelled while it runs commits nothing', async () => {
    const job = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: null, dedupeKey: 'cancel-me' }));
    const worker = workerWith({
      perform: () => storage.transaction((tx) => cancelJobs(tx, { dedupeKey: 'cancel-me' })),
      complete: recording.complete!,
    });
    expect(await worker.runDue(T0)).toMatchObject({ claimed: 1, skipped: 1, done: 0 });
    expect((await readJob(storage, job.id)).status).toBe('cancelled');
    expect(await countEffects(storage)).toEqual({ rows: 0, distinctJobs: 0 });
  });
});

describe('retries', () => {
  it('backs off exponentially with jitter from the injected random, then dead-letters', async () => {
    const job = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: null, maxAttempts: 4 }));
    const worker = workerWith({
      complete: async (tx, j) => {
        await recordEffect(tx, j.id, 'w1');
        throw new Error(`boom ${j.attempt}`);
      },
    });
    // random 0.5 → three quarters of the step: 1000·2^(n-1) capped at 4000 → 750, 1500, 3000.
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, () => 0.5, { baseMs: 1000, maxMs: 4000 }))).toEqual([750, 1500, 3000, 3000, 3000]);
    expect([backoffDelay(3, () => 0, { baseMs: 1000, maxMs: 4000 }), backoffDelay(3, () => 0.999_999, { baseMs: 1000, maxMs: 4000 })]).toEqual([2000, 4000]);

    let now = T0;
    for (const [attempt, wait] of [[1, 750], [2, 1500], [3, 3000]] as const) {
      expect(await worker.runDue(now)).toMatchObject({ claimed: 1, retried: 1 });
      const row = await readJob(storage, job.id);
      expect(row).toMatchObject({ status: 'queued', attempts: attempt, lastError: `boom ${attempt}`, lockedBy: null });
      expect(row.runAt).toBe(new Date(now.getTime() + wait).toISOString());
      expect(await worker.runDue(new Date(now.getTime() + wait - 1))).toMatchObject({ claimed: 0 });
      now = new Date(now.getTime() + wait);
    }
    expect(await worker.runDue(now)).toMatchObject({ claimed: 1, dead: 1 });
    expect(await readJob(storage, job.id)).toMatchObject({ status: 'dead', attempts: 4, lastError: 'boom 4' });
    expect(await worker.runDue(at(86_400_000))).toMatchObject({ claimed: 0 });
    // every failed attempt rolled its writes back
    expect(await countEffects(storage)).toEqual({ rows: 0, distinctJobs: 0 });
  });

  it('a failing perform retries without a transaction; {retry} keeps the attempt’s writes', async () => {
    const job = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: null, maxAttempts: 3 }));
    let calls = 0;
    const worker = workerWith({
      perform: async () => {
        calls++;
        if (calls === 1) throw new Error('network down');
        return calls;
      },
      complete: async (tx, j, performed) => {
        await recordEffect(tx, j.id, 'w1');
        return performed === 2 ? { retry: 'receiver said 503' } : undefined;
      },
    });
    expect(await worker.runDue(T0)).toMatchObject({ retried: 1 });
    expect(await readJob(storage, job.id)).toMatchObject({ lastError: 'network down', attempts: 1 });
    expect(await worker.runDue(at(750))).toMatchObject({ retried: 1 });
    expect(await readJob(storage, job.id)).toMatchObject({ status: 'queued', lastError: 'receiver said 503', attempts: 2 });
    expect(await worker.runDue(at(750 + 1500))).toMatchObject({ done: 1 });
    expect(await countEffects(storage)).toEqual({ rows: 2, distinctJobs: 1 });
  });
});

describe('concurrency', () => {
  it('a stalled job holds one slot while the others run past it', async () => {
    const ids = await storage.transaction(async (tx) => {
      const out: string[] = [];
      for (let i = 0; i < 4; i++) out.push((await enqueueJob(tx, { kind: 'test', runAt: at(i), payload: { i } })).id);
      return out;
    });
    const { perform: stall, performing, release } = stalledPerform();
    let finished = 0;
    let othersDone!: () => void;
    const allOthersDone = new Promise<void>((resolve) => (othersDone = resolve));
    const worker = createJobWorker({
      storage,
      clock,
      workerId: 'pool',
      concurrency: 2,
      handlers: registryOf({
        perform: async (job) => (job.id === ids[0] ? stall() : undefined),
        complete: async (tx, job) => {
          await recordEffect(tx, job.id, 'pool');
          if (job.id !== ids[0] && ++finished === 3) othersDone();
        },
      }),
    });
    const run = worker.runDue(at(10));
    await performing;
    await allOthersDone;
    expect((await readJob(storage, ids[0] ?? '')).status).toBe('running');
    release();
    expect(await run).toEqual({ claimed: 4, done: 4, retried: 0, dead: 0, skipped: 0 });
    expect(await countEffects(storage)).toEqual({ rows: 4, distinctJobs: 4 });
  });
});

describe('leases', () => {
  it('a crashed worker’s job is claimed again once its lease runs out, and dead when it was the last attempt', async () => {
    const job = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: null, maxAttempts: 2 }));
    const crashed = await claimJobs(storage.sql, { workerId: 'crashed', now: T0, leaseMs: 60_000, limit: 10, kinds: ['test'] });
    expect(crashed.jobs.map((j) => j.id)).toEqual([job.id]);
    expect(await readJob(storage, job.id)).toMatchObject({ status: 'running', attempts: 1, lockedBy: 'crashed' });

    const survivor = workerWith(recording, { workerId: 'survivor' });
    expect(await survivor.runDue(at(59_999))).toMatchObject({ claimed: 0 });
    // the second claim also "crashes": the lease runs out on the last attempt
    await claimJobs(storage.sql, { workerId: 'crashed-again', now: at(60_000), leaseMs: 60_000, limit: 10, kinds: ['test'] });
    expect(await readJob(storage, job.id)).toMatchObject({ status: 'running', attempts: 2, lockedBy: 'crashed-again' });
    expect(await survivor.runDue(at(120_000))).toMatchObject({ claimed: 0, dead: 1 });
    expect(await readJob(storage, job.id)).toMatchObject({ status: 'dead', attempts: 2, lastError: 'the lease ran out on the last attempt' });
    expect(await countEffects(storage)).toEqual({ rows: 0, distinctJobs: 0 });
  });

  it('a worker that lost its lease commits nothing; the one that took over does', async () => {
    const job = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: null }));
    const { perform, performing, release } = stalledPerform();
    const slow = workerWith({ perform, complete: recording.complete! }, { workerId: 'slow' });
    const slowRun = slow.runDue(T0);
    await performing;
    const fast = workerWith(recording, { workerId: 'fast' });
    expect(await fast.runDue(at(60_000))).toMatchObject({ claimed: 1, done: 1 });
    release();
    expect(await slowRun).toMatchObject({ claimed: 1, skipped: 1, done: 0 });
    expect(await readJob(storage, job.id)).toMatchObject({ status: 'done', attempts: 2 });
    const effects = await storage.sql.query<{ worker: string }>('SELECT worker FROM test_job_effects');
    expect(effects).toEqual([{ worker: 'fast' }]);
  });
});

describe('two workers, each with its own connection pool', () => {
  it('run 1,000 jobs between them, each exactly once', async () => {
    const fresh = await selectedTestBackend().fresh();
    try {
      const first = await fresh.connect();
      await first.migrate();
      const second = await fresh.connect();
      await createEffectsTable(first);
      await first.transaction(async (tx) => {
        for (let i = 0; i < 1000; i++) await enqueueJob(tx, { kind: 'test', runAt: T0, payload: { i } });
      });
      const performed = new Map<string, number>();
      const handler: JobHandler = {
        perform: async (job) => {
          performed.set(job.id, (performed.get(job.id) ?? 0) + 1);
        },
        complete: (tx, job, _p, context) => recordEffect(tx, job.id, context.workerId),
      };
      const a = createJobWorker({ storage: first, clock, handlers: registryOf(handler), workerId: 'a', concurrency: 8 });
      const b = createJobWorker({ storage: second, clock, handlers: registryOf(handler), workerId: 'b', concurrency: 8 });
      const [ra, rb] = await Promise.all([a.runDue(T0), b.runDue(T0)]);
      expect(ra.done + rb.done).toBe(1000);
      // both took part: the claims really raced
      expect(Math.min(ra.done, rb.done)).toBeGreaterThan(0);
      expect(ra.skipped + rb.skipped + ra.retried + rb.retried).toBe(0);
      expect(performed.size).toBe(1000);
      expect([...performed.values()].every((n) => n === 1)).toBe(true);
      expect(await countEffects(first)).toEqual({ rows: 1000, distinctJobs: 1000 });
      const left = await first.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE status <> 'done'`);
      expect(left[0]?.n).toBe(0);
    } finally {
      await fresh.dispose();
    }
  });
});

describe('start and stop', () => {
  it('polls on its own and stop() waits for the job being run', async () => {
    const job = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: null }));
    const { perform, performing, release } = stalledPerform();
    const handlers = registryOf({ perform, complete: recording.complete! });
    const worker = createJobWorker({ storage, clock, handlers, workerId: 'poller', pollMs: 10 });
    worker.start();
    worker.start();
    await performing;
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await readJob(storage, job.id)).status).toBe('done');
    // stopped for good: a new due job stays queued
    const next = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: null }));
    worker.start();
    await worker.stop();
    expect((await readJob(storage, next.id)).status).toBe('queued');
  });
});

function registryOf(handler: JobHandler) {
  const handlers = createJobRegistry();
  handlers.register('test', handler);
  return handlers;
}

describe('registry', () => {
  it('refuses a second handler for a kind', () => {
    const handlers = registryOf(recording);
    expect(() => handlers.register('test', recording)).toThrow(/already has a handler/);
    expect(handlers.kinds()).toEqual(['test']);
  });
});
