import { randomUUID } from 'node:crypto';
import type { JsonValue, StorageTx } from '@trellis/storage';
import type { CancelJobs, EnqueueJob, EnqueuedJob } from './types.js';

export const DEFAULT_MAX_ATTEMPTS = 10;

function iso(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`runAt is not a time: ${String(value)}`);
  return date.toISOString();
}

/**
 * Adds a job inside the caller's transaction, so it exists exactly when the caller's other writes
 * commit (a flow transition and its timers and outbox effects are one unit). With a dedupe key
 * that is already taken, nothing is added and the existing job's id comes back.
 */
export async function enqueueJob(tx: StorageTx, job: EnqueueJob): Promise<EnqueuedJob> {
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, not ${maxAttempts}`);
  const runAt = iso(job.runAt);
  const id = randomUUID();
  const inserted = await tx.sql.query<{ id: string }>(
    `INSERT INTO jobs (id, kind, payload, run_at, max_attempts, status, dedupe_key, created_at, updated_at)
     VALUES ($1::uuid, $2, $3::jsonb, $4::timestamptz, $5, 'queued', $6, $7::timestamptz, $7::timestamptz)
     ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
     RETURNING id`,
    [id, job.kind, JSON.stringify(job.payload), runAt, maxAttempts, job.dedupeKey ?? null, tx.now().toISOString()],
  );
  if (inserted.length > 0) return { id, created: true };
  const existing = await tx.sql.query<{ id: string }>('SELECT id FROM jobs WHERE dedupe_key = $1', [job.dedupeKey]);
  const found = existing[0];
  if (found === undefined) throw new Error('a job conflicted on its dedupe key but none has it');
  return { id: found.id, created: false };
}

/**
 * Queues a delivery (webhook, email) due now unless `runAt` says otherwise, under the dedupe key
 * `<kind>:<deliveryId>`, so one delivery id is never queued twice.
 */
export async function enqueueDelivery(
  tx: StorageTx,
  delivery: { kind: string; deliveryId: string; payload: JsonValue; runAt?: Date | string; maxAttempts?: number },
): Promise<EnqueuedJob & { deliveryId: string }> {
  const job = await enqueueJob(tx, {
    kind: delivery.kind,
    runAt: delivery.runAt ?? tx.now(),
    payload: delivery.payload,
    dedupeKey: `${delivery.kind}:${delivery.deliveryId}`,
    maxAttempts: delivery.maxAttempts,
  });
  return { ...job, deliveryId: delivery.deliveryId };
}

/** `LIKE` pattern for a literal prefix. */
function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Cancels the queued and running jobs matching every given field (a running job's attempt then
 * commits nothing); returns how many. Done, dead and cancelled jobs stay as they are, keeping
 * their dedupe keys.
 */
export async function cancelJobs(tx: StorageTx, which: CancelJobs): Promise<number> {
  const { kind, dedupeKey, dedupeKeyPrefix } = which;
  if (kind === undefined && dedupeKey === undefined && dedupeKeyPrefix === undefined) {
    throw new TypeError('cancelJobs needs a kind, a dedupeKey or a dedupeKeyPrefix');
  }
  const rows = await tx.sql.query<{ id: string }>(
    `UPDATE jobs SET status = 'cancelled', locked_by = NULL, locked_until = NULL, updated_at = $4::timestamptz
     WHERE status IN ('queued', 'running')
       AND ($1::text IS NULL OR kind = $1)
       AND ($2::text IS NULL OR dedupe_key = $2)
       AND ($3::text IS NULL OR dedupe_key LIKE $3)
     RETURNING id`,
    [kind ?? null, dedupeKey ?? null, dedupeKeyPrefix === undefined ? null : prefixPattern(dedupeKeyPrefix), tx.now().toISOString()],
  );
  return rows.length;
}
