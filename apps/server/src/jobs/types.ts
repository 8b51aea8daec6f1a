/**
 * Durable jobs: what a job is and what a handler for one kind looks like. Jobs live in the `jobs`
 * table (migration 0003_jobs), so timers and outbox effects survive restarts; see README "Jobs".
 */
import type { JsonValue, StorageTx } from '@trellis/storage';

export type JobStatus = 'queued' | 'running' | 'done' | 'dead' | 'cancelled';

/** A job as its handler sees it, during one attempt. */
export interface Job<P extends JsonValue = JsonValue> {
  readonly id: string;
  readonly kind: string;
  readonly payload: P;
  /** when it was due (ISO) */
  readonly runAt: string;
  /** this attempt's number: 1 on the first run */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly dedupeKey: string | null;
}

/** What a handler gets besides the job. */
export interface JobContext {
  /** the time the worker ran the job at (its clock, or `runDue(now)`) */
  readonly now: Date;
  readonly workerId: string;
}

/** Returned by `complete` to keep its writes (e.g. a delivery-log row) and still try again later. */
export interface JobRetry {
  readonly retry: string;
}

/**
 * How one kind of job runs. Each attempt:
 * 1. `perform` (optional) runs outside any transaction: network calls (HTTP, SMTP) that must not
 *    hold a database connection (PGlite has only one). Throwing schedules a retry, writing nothing.
 * 2. `complete` (optional) runs inside the transaction that marks the job done, with the job row
 *    locked: its database writes happen exactly once. Throwing rolls them back and schedules a
 *    retry; returning `{ retry: reason }` commits them and schedules a retry.
 * Network effects are at least once: a crash after `perform` and before `complete` repeats them.
 */
export interface JobHandler<P extends JsonValue = JsonValue, R = unknown> {
  readonly perform?: (job: Job<P>, context: JobContext) => Promise<R>;
  readonly complete?: (tx: StorageTx, job: Job<P>, performed: R, context: JobContext) => Promise<JobRetry | void>;
}

/** The handlers a worker runs, by kind; a worker claims only kinds it has a handler for. */
export interface JobRegistry {
  /** Throws when the kind already has a handler (two modules claiming one kind is a bug). */
  register<P extends JsonValue, R>(kind: string, handler: JobHandler<P, R>): void;
  get(kind: string): JobHandler | undefined;
  kinds(): string[];
}

export interface EnqueueJob {
  readonly kind: string;
  /** when it becomes due; a past time means now */
  readonly runAt: Date | string;
  readonly payload: JsonValue;
  /** one job per key, ever: enqueueing an existing key returns that job and creates nothing */
  readonly dedupeKey?: string;
  /** default 10 */
  readonly maxAttempts?: number;
}

export interface EnqueuedJob {
  readonly id: string;
  /** false when a job with the same dedupe key already existed (its id is returned) */
  readonly created: boolean;
}

/** Which queued (or running) jobs to cancel; at least one of the fields. */
export interface CancelJobs {
  readonly kind?: string;
  readonly dedupeKey?: string;
  readonly dedupeKeyPrefix?: string;
}

/** What one `runDue` did. */
export interface RunSummary {
  readonly claimed: number;
  readonly done: number;
  /** failed and queued again with a backoff */
  readonly retried: number;
  /** failed on their last attempt */
  readonly dead: number;
  /** lost their lease or were cancelled while running: nothing committed */
  readonly skipped: number;
}
