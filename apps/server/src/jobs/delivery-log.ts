/** The delivery log: one row per attempt to deliver a webhook or an email. */
import { randomUUID } from 'node:crypto';
import type { Sql } from '@trellis/storage';

export type DeliveryChannel = 'webhook' | 'email';
export type DeliveryOutcome = 'delivered' | 'failed' | 'skipped';

export interface DeliveryAttempt {
  /** stable across a job's retries: receivers deduplicate on it */
  readonly deliveryId: string;
  readonly jobId: string | null;
  readonly channel: DeliveryChannel;
  /** the URL, or the recipients */
  readonly target: string;
  readonly outcome: DeliveryOutcome;
  /** the HTTP status (webhooks that got an answer) */
  readonly statusCode: number | null;
  readonly attempt: number;
  /** ISO time of the attempt */
  readonly at: string;
  readonly error: string | null;
  readonly durationMs: number;
}

interface DeliveryRow {
  delivery_id: string;
  job_id: string | null;
  channel: DeliveryChannel;
  target: string;
  outcome: DeliveryOutcome;
  status_code: number | null;
  attempt: number;
  at: Date | string;
  error: string | null;
  duration_ms: number;
}

export async function logDelivery(sql: Sql, entry: DeliveryAttempt): Promise<void> {
  await sql.query(
    `INSERT INTO delivery_log (id, delivery_id, job_id, channel, target, outcome, status_code, attempt, at, error, duration_ms)
     VALUES ($1::uuid, $2, $3::uuid, $4, $5, $6, $7, $8, $9::timestamptz, $10, $11)`,
    [
      randomUUID(),
      entry.deliveryId,
      entry.jobId,
      entry.channel,
      entry.target,
      entry.outcome,
      entry.statusCode,
      entry.attempt,
      entry.at,
      entry.error,
      Math.max(0, Math.round(entry.durationMs)),
    ],
  );
}

/** Every attempt of one delivery (or of one job), oldest first. */
export async function listDeliveries(sql: Sql, which: { deliveryId: string } | { jobId: string }): Promise<DeliveryAttempt[]> {
  const rows =
    'deliveryId' in which
      ? await sql.query<DeliveryRow>('SELECT * FROM delivery_log WHERE delivery_id = $1 ORDER BY at, attempt', [which.deliveryId])
      : await sql.query<DeliveryRow>('SELECT * FROM delivery_log WHERE job_id = $1::uuid ORDER BY at, attempt', [which.jobId]);
  return rows.map((row) => ({
    deliveryId: row.delivery_id,
    jobId: row.job_id,
    channel: row.channel,
    target: row.target,
    outcome: row.outcome,
    statusCode: row.status_code,
    attempt: row.attempt,
    at: (row.at instanceof Date ? row.at : new Date(row.at)).toISOString(),
    error: row.error,
    durationMs: row.duration_ms,
  }));
}
