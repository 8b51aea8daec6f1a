/** Test helpers for job suites: reading a job's row and counting handler effects in a table. */
import type { Storage, StorageTx } from '@trellis/storage';

export interface JobRowView {
  readonly status: string;
  readonly attempts: number;
  readonly runAt: string;
  readonly lastError: string | null;
  readonly lockedBy: string | null;
}

export async function readJob(storage: Storage, id: string): Promise<JobRowView> {
  const rows = await storage.sql.query<{ status: string; attempts: number; run_at: Date | string; last_error: string | null; locked_by: string | null }>(
    'SELECT status, attempts, run_at, last_error, locked_by FROM jobs WHERE id = $1::uuid',
    [id],
  );
  const row = rows[0];
  if (row === undefined) throw new Error(`no job ${id}`);
  return { status: row.status, attempts: row.attempts, runAt: new Date(row.run_at).toISOString(), lastError: row.last_error, lockedBy: row.locked_by };
}

/** A table of handler side effects, one row per committed run, to count exactly-once. */
export async function createEffectsTable(storage: Storage): Promise<void> {
  await storage.sql.exec('CREATE TABLE IF NOT EXISTS test_job_effects (job_id uuid NOT NULL, worker text NOT NULL)');
}

export async function recordEffect(tx: StorageTx, jobId: string, worker: string): Promise<void> {
  await tx.sql.query('INSERT INTO test_job_effects (job_id, worker) VALUES ($1::uuid, $2)', [jobId, worker]);
}

export async function countEffects(storage: Storage): Promise<{ rows: number; distinctJobs: number }> {
  const rows = await storage.sql.query<{ rows: number; jobs: number }>(
    'SELECT count(*)::int AS rows, count(DISTINCT job_id)::int AS jobs FROM test_job_effects',
  );
  return { rows: rows[0]?.rows ?? 0, distinctJobs: rows[0]?.jobs ?? 0 };
}
