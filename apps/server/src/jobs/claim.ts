/**
 * The SQL of a job's life after enqueueing: claim under a lease, then done, retried or dead.
 * Every statement takes the time as a parameter (the worker's clock), never now() in SQL.
 */
import type { JsonValue, Sql } from '@trellis/storage';
import type { Job } from './types.js';

interface JobRow {
  id: string;
  kind: string;
  payload: JsonValue;
  run_at: Date | string;
  attempts: number;
  max_attempts: number;
  dedupe_key: string | null;
  status: string;
}

export interface ClaimOptions {
  readonly workerId: string;
  readonly now: Date;
  readonly leaseMs: number;
  /** at most this many jobs, expired leases first */
  readonly limit: number;
  /** only jobs of these kinds (the ones the worker has handlers for) */
  readonly kinds: readonly string[];
}

export interface Claimed {
  /** claimed by this worker: run them */
  readonly jobs: Job[];
  /** leases that ran out on their last attempt: now dead */
  readonly buried: number;
}

/**
 * Claims due jobs and jobs whose lease ran out (their process died), skipping rows another
 * worker holds, so no two workers get the same job. A claim counts as an attempt, so a job that
 * crashes its process each time still ends dead.
 */
export const CLAIM_SQL = `
WITH expired AS (
  SELECT id FROM jobs WHERE status = 'running' AND locked_until <= $2::timestamptz AND kind = ANY($4::text[])
  ORDER BY locked_until LIMIT $5 FOR UPDATE SKIP LOCKED
), due AS (
  SELECT id FROM jobs WHERE status = 'queued' AND run_at <= $2::timestamptz AND kind = ANY($4::text[])
  ORDER BY run_at LIMIT $5 FOR UPDATE SKIP LOCKED
), picked AS (
  (SELECT id FROM expired UNION ALL SELECT id FROM due) LIMIT $5
)
UPDATE jobs j SET
  status = CASE WHEN j.status = 'running' AND j.attempts >= j.max_attempts THEN 'dead' ELSE 'running' END,
  last_error = CASE WHEN j.status = 'running' AND j.attempts >= j.max_attempts THEN 'the lease ran out on the last attempt' ELSE j.last_error END,
  attempts = CASE WHEN j.status = 'running' AND j.attempts >= j.max_attempts THEN j.attempts ELSE j.attempts + 1 END,
  locked_by = $1,
  locked_until = $3::timestamptz,
  updated_at = $2::timestamptz
FROM picked WHERE j.id = picked.id
RETURNING j.id, j.kind, j.payload, j.run_at, j.attempts, j.max_attempts, j.dedupe_key, j.status`;

export async function claimJobs(sql: Sql, options: ClaimOptions): Promise<Claimed> {
  const leaseEnd = new Date(options.now.getTime() + options.leaseMs);
  const rows = await sql.query<JobRow>(CLAIM_SQL, [
    options.workerId,
    options.now.toISOString(),
    leaseEnd.toISOString(),
    options.kinds,
    options.limit,
  ]);
  const jobs: Job[] = [];
  let buried = 0;
  for (const row of rows) {
    if (row.status !== 'running') {
      buried++;
      continue;
    }
    jobs.push({
      id: row.id,
      kind: row.kind,
      payload: row.payload,
      runAt: (row.run_at instanceof Date ? row.run_at : new Date(row.run_at)).toISOString(),
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
      dedupeKey: row.dedupe_key,
    });
  }
  return { jobs, buried };
}

/** Locks the job for its completing transaction; false when this claim is no longer the job's. */
export async function lockClaim(sql: Sql, job: Job, workerId: string): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM jobs WHERE id = $1::uuid AND status = 'running' AND locked_by = $2 AND attempts = $3 FOR UPDATE`,
    [job.id, workerId, job.attempt],
  );
  return rows.length > 0;
}

export async function markDone(sql: Sql, job: Job, now: Date): Promise<void> {
  await sql.query(`UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL, updated_at = $2::timestamptz WHERE id = $1::uuid`, [
    job.id,
    now.toISOString(),
  ]);
}

/**
 * After a failed attempt: queued again at `retryAt`, or dead when it was the last. Only while
 * this claim still holds the job; returns whether it did.
 */
export async function markFailed(sql: Sql, job: Job, workerId: string, failure: { error: string; retryAt: Date; now: Date }): Promise<boolean> {
  const dead = job.attempt >= job.maxAttempts;
  const rows = await sql.query(
    `UPDATE jobs SET status = $4, run_at = CASE WHEN $4 = 'queued' THEN $5::timestamptz ELSE run_at END,
       last_error = $6, locked_by = NULL, locked_until = NULL, updated_at = $7::timestamptz
     WHERE id = $1::uuid AND status = 'running' AND locked_by = $2 AND attempts = $3
     RETURNING id`,
    [job.id, workerId, job.attempt, dead ? 'dead' : 'queued', failure.retryAt.toISOString(), failure.error, failure.now.toISOString()],
  );
  return rows.length > 0;
}
