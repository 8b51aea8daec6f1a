/**
 * Durable jobs: timers fired per second while 100,000 future jobs are open, on PGlite and on
 * PostgreSQL. The baseline is the same claim / lock / complete SQL issued by hand, with the same
 * batch size, in the same run: the gap is what the worker itself costs. Also the cost of a poll
 * that finds nothing due (what an idle server pays every JOB_POLL_MS) and of enqueueing.
 */
import { performance } from 'node:perf_hooks';
import { claimJobs, createJobRegistry, createJobWorker, enqueueJob, lockClaim, markDone } from '@trellis/server';
import { createStorage, type Storage } from '@trellis/storage';
import { createTestDatabase } from '@trellis/storage/testing';
import { postgresAdminUrl } from './lib/postgres.js';
import { report, type ResultRow } from './lib/results.js';

const OPEN = 100_000;
const DUE = 2_000;
const ROUNDS = 3;
const EMPTY_POLLS = 200;
const KIND = 'bench.timer';
const T0 = new Date('2026-06-01T00:00:00.000Z');
const clock = { now: () => T0 };

/** Future jobs (a day ahead and later) or due ones (just before T0), inserted in one statement. */
async function insertJobs(storage: Storage, count: number, tag: string, due: boolean): Promise<void> {
  await storage.sql.query(
    `INSERT INTO jobs (id, kind, payload, run_at, max_attempts, status, dedupe_key, created_at, updated_at)
     SELECT gen_random_uuid(), $1, jsonb_build_object('i', g),
            $2::timestamptz + (CASE WHEN $5 THEN -g ELSE 86400000 + g END) * interval '1 millisecond',
            10, 'queued', $3 || g, $2::timestamptz, $2::timestamptz
     FROM generate_series(1, $4::int) g`,
    [KIND, T0.toISOString(), `bench:${tag}:`, count, due],
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Fires every due job through the worker; returns timers per second. */
async function viaWorker(storage: Storage, concurrency: number): Promise<number> {
  const handlers = createJobRegistry();
  handlers.register(KIND, { complete: async () => undefined });
  const worker = createJobWorker({ storage, clock, handlers, concurrency, workerId: 'bench-worker' });
  const started = performance.now();
  const summary = await worker.runDue(T0);
  const seconds = (performance.now() - started) / 1000;
  if (summary.done !== DUE) throw new Error(`the worker fired ${summary.done} of ${DUE} timers`);
  return DUE / seconds;
}

/** The same statements by hand: claim a batch, then lock and complete each job in its transaction. */
async function viaRawSql(storage: Storage, batch: number): Promise<number> {
  const started = performance.now();
  let fired = 0;
  for (;;) {
    const { jobs } = await claimJobs(storage.sql, { workerId: 'bench-raw', now: T0, leaseMs: 60_000, limit: batch, kinds: [KIND] });
    if (jobs.length === 0) break;
    await Promise.all(
      jobs.map((job) =>
        storage.sql.transaction(async (tx) => {
          if (await lockClaim(tx, job, 'bench-raw')) await markDone(tx, job, T0);
        }),
      ),
    );
    fired += jobs.length;
  }
  const seconds = (performance.now() - started) / 1000;
  if (fired !== DUE) throw new Error(`raw SQL fired ${fired} of ${DUE} timers`);
  return DUE / seconds;
}

async function measureBackend(name: string, storage: Storage): Promise<ResultRow[]> {
  await storage.migrate();
  await insertJobs(storage, OPEN, 'open', false);
  if (storage.kind === 'postgres') await storage.sql.exec('VACUUM ANALYZE jobs');
  const rows: ResultRow[] = [];
  const benchmark = `timers fired with ${OPEN.toLocaleString('en-US')} open jobs (${DUE} due)`;
  for (const concurrency of [1, 8]) {
    const worker: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await insertJobs(storage, DUE, `w${concurrency}-${round}`, true);
      worker.push(await viaWorker(storage, concurrency));
      await insertJobs(storage, DUE, `r${concurrency}-${round}`, true);
      raw.push(await viaRawSql(storage, concurrency));
    }
    rows.push(
      { benchmark, subject: `${name}: worker, concurrency ${concurrency}`, value: median(worker), unit: 'timers/s' },
      { benchmark, subject: `${name}: raw claim/lock/complete SQL, batch ${concurrency}`, value: median(raw), unit: 'timers/s' },
      { benchmark, subject: `${name}: worker / raw, concurrency ${concurrency}`, value: (100 * median(worker)) / median(raw), unit: '%' },
    );
  }

  const handlers = createJobRegistry();
  handlers.register(KIND, { complete: async () => undefined });
  const poller = createJobWorker({ storage, clock, handlers, workerId: 'bench-poll' });
  const pollStarted = performance.now();
  for (let i = 0; i < EMPTY_POLLS; i++) await poller.runDue(T0);
  rows.push({
    benchmark: `a poll that finds nothing due, ${OPEN.toLocaleString('en-US')} open jobs`,
    subject: name,
    value: (performance.now() - pollStarted) / EMPTY_POLLS,
    unit: 'ms',
  });

  const enqueueStarted = performance.now();
  for (let i = 0; i < DUE; i++) {
    await storage.transaction((tx) => enqueueJob(tx, { kind: KIND, runAt: new Date(T0.getTime() + 172_800_000), payload: { i }, dedupeKey: `bench:enqueue:${i}` }));
  }
  rows.push({ benchmark: 'enqueueJob, one job per transaction', subject: name, value: DUE / ((performance.now() - enqueueStarted) / 1000), unit: 'jobs/s' });
  return rows;
}

export async function run(): Promise<void> {
  const rows: ResultRow[] = [];
  const pglite = await createStorage({ dataDir: 'memory://', now: clock.now });
  try {
    rows.push(...(await measureBackend('pglite', pglite)));
  } finally {
    await pglite.close();
  }
  const adminUrl = postgresAdminUrl();
  if (adminUrl === undefined) {
    console.warn('[jobs bench] no PostgreSQL: measured PGlite only');
  } else {
    const db = await createTestDatabase(adminUrl);
    const postgres = await createStorage({ databaseUrl: db.url, now: clock.now });
    try {
      rows.push(...(await measureBackend('postgres', postgres)));
    } finally {
      await postgres.close();
      await db.drop();
    }
  }
  report('jobs', rows);
}
