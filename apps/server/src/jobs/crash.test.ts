import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStorage, type Storage } from '@trellis/storage';
import { createTestDatabase, TEST_DATABASE_ENV } from '@trellis/storage/testing';
import { enqueueJob } from './enqueue.js';
import { createJobRegistry } from './registry.js';
import { countEffects, createEffectsTable, readJob, recordEffect } from './testing.js';
import { createJobWorker } from './worker.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../../..');
const T0 = new Date('2026-03-01T09:00:00.000Z');
const LEASE_MS = 60_000;

/** A database two processes can open one after the other: a PGlite folder or a PostgreSQL database. */
async function sharedDatabase(): Promise<{ env: Record<string, string>; open(): Promise<Storage>; dispose(): Promise<void> }> {
  const adminUrl = process.env[TEST_DATABASE_ENV];
  if (process.env.TRELLIS_TEST_BACKEND === 'postgres' && adminUrl) {
    const db = await createTestDatabase(adminUrl);
    return { env: { CRASH_DATABASE_URL: db.url }, open: () => createStorage({ databaseUrl: db.url }), dispose: () => db.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'trellis-crash-'));
  return { env: { CRASH_DATA_DIR: dir }, open: () => createStorage({ dataDir: dir }), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the doomed worker until it is inside a job's transaction, then kills it with SIGKILL. */
function runAndKill(env: Record<string, string>): Promise<string> {
  // node itself with tsx as a loader: the tsx command would run the script in a grandchild that outlives the kill
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures/crash-child.ts')], {
    cwd: root,
    env: { ...process.env, ...env, CRASH_NOW: T0.toISOString() },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`the worker process ended (${code ?? signal}) before it was killed`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('IN-COMPLETE ')) return;
      child.removeAllListeners('exit');
      child.once('exit', () => resolve(line.slice('IN-COMPLETE '.length)));
      child.kill('SIGKILL');
    });
  });
}

/**
 * PostgreSQL ends a killed client's session (rolling back its transaction, freeing its row locks)
 * once it reads the closed socket; wait for that rather than racing it.
 */
async function untilOrphanedTransactionsEnd(storage: Storage): Promise<void> {
  if (storage.kind !== 'postgres') return;
  for (;;) {
    const rows = await storage.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
    );
    if (rows[0]?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a worker process killed with SIGKILL in the middle of a job', () => {
  it('loses nothing: its writes roll back, the job is claimed again after the lease and runs once', async () => {
    const database = await sharedDatabase();
    try {
      let storage = await database.open();
      await storage.migrate();
      await createEffectsTable(storage);
      const job = await storage.transaction((tx) => enqueueJob(tx, { kind: 'test', runAt: T0, payload: { n: 1 } }));
      await storage.close();

      expect(await runAndKill(database.env)).toBe(job.id);

      storage = await database.open();
      try {
        await untilOrphanedTransactionsEnd(storage);
        expect(await readJob(storage, job.id)).toMatchObject({ status: 'running', attempts: 1, lockedBy: 'doomed' });
        expect(await countEffects(storage)).toEqual({ rows: 0, distinctJobs: 0 });
        const handlers = createJobRegistry();
        handlers.register('test', { complete: (tx, j) => recordEffect(tx, j.id, 'survivor') });
        const survivor = createJobWorker({ storage, clock: { now: () => T0 }, handlers, workerId: 'survivor', leaseMs: LEASE_MS });
        expect(await survivor.runDue(new Date(T0.getTime() + LEASE_MS - 1))).toMatchObject({ claimed: 0 });
        expect(await survivor.runDue(new Date(T0.getTime() + LEASE_MS))).toMatchObject({ claimed: 1, done: 1 });
        expect(await readJob(storage, job.id)).toMatchObject({ status: 'done', attempts: 2 });
        expect(await storage.sql.query('SELECT worker FROM test_job_effects')).toEqual([{ worker: 'survivor' }]);
      } finally {
        await storage.close();
      }
    } finally {
      await database.dispose();
    }
  });
});
