import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Storage } from '@trellis/storage';
import type { Clock } from '../types.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { claimJobs, lockClaim, markDone, markFailed, type Claimed } from './claim.js';
import type { Job, JobContext, JobHandler, JobRegistry, RunSummary } from './types.js';

/** Where the worker reports failures; fastify's `app.log` fits. */
export interface JobLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobWorkerOptions {
  readonly storage: Storage;
  readonly clock: Clock;
  readonly handlers: JobRegistry;
  /** names this process in `locked_by`; default host:pid:random */
  readonly workerId?: string;
  /** jobs run at once (default 4); also how many one claim takes */
  readonly concurrency?: number;
  /** wait between polls when nothing was due (default 1000) */
  readonly pollMs?: number;
  /** how long a claim holds a job before another process may take it over (default 60 s); must exceed the slowest `perform` */
  readonly leaseMs?: number;
  readonly backoff?: BackoffPolicy;
  /** [0, 1), for the backoff jitter (default Math.random) */
  readonly random?: () => number;
  readonly logger?: JobLogger;
}

export interface JobWorker {
  readonly workerId: string;
  /** Polls every `pollMs` until `stop()`; a no-op when already started, or once stopped. */
  start(): void;
  /** Stops polling and waits for the jobs being run to finish (no new claims). */
  stop(): Promise<void>;
  /** Claims and runs every job due at `now` (default: the clock), batch after batch, until none is left. */
  runDue(now?: Date): Promise<RunSummary>;
}

type Outcome = 'done' | 'retried' | 'dead' | 'skipped';

const MAX_ERROR_LENGTH = 2000;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_POLL_MS = 1000;
export const DEFAULT_LEASE_MS = 60_000;

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/**
 * Runs durable jobs: claims due ones (SKIP LOCKED, under a lease), runs each handler's `perform`
 * outside a transaction and its `complete` in the transaction that marks the job done, and on
 * failure queues it again with exponential backoff, or dead after its last attempt.
 */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const { storage, clock, handlers } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  const retryAt = (job: Job, now: Date) => new Date(now.getTime() + backoffDelay(job.attempt, random, backoff));

  const fail = async (job: Job, error: unknown, now: Date): Promise<Outcome> => {
    const message = errorText(error);
    const held = await markFailed(storage.sql, job, workerId, { error: message, retryAt: retryAt(job, now), now });
    if (!held) return 'skipped';
    const dead = job.attempt >= job.maxAttempts;
    options.logger?.warn({ jobId: job.id, kind: job.kind, attempt: job.attempt, error: message }, dead ? 'job failed for the last time' : 'job failed; retrying later');
    return dead ? 'dead' : 'retried';
  };

  const runOne = async (job: Job, handler: JobHandler, now: Date): Promise<Outcome> => {
    const context: JobContext = { now, workerId };
    let performed: unknown;
    try {
      performed = await handler.perform?.(job, context);
    } catch (error) {
      return fail(job, error, now);
    }
    try {
      return await storage.transaction(async (tx) => {
        if (!(await lockClaim(tx.sql, job, workerId))) return 'skipped';
        const result = await handler.complete?.(tx, job, performed, context);
        if (result === undefined) {
          await markDone(tx.sql, job, now);
          return 'done';
        }
        await markFailed(tx.sql, job, workerId, { error: errorText(result.retry), retryAt: retryAt(job, now), now });
        return job.attempt >= job.maxAttempts ? 'dead' : 'retried';
      });
    } catch (error) {
      return fail(job, error, now);
    }
  };

  let stopping = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const execute = (job: Job, now: Date): Promise<Outcome> => {
    const handler = handlers.get(job.kind);
    return handler === undefined ? fail(job, new Error(`no handler for job kind "${job.kind}"`), now) : runOne(job, handler, now);
  };

  /**
   * Keeps up to `concurrency` jobs running, so one slow job (a webhook waiting for its timeout)
   * holds one slot, not the batch. Claims again once half the slots are free, or all of them:
   * batches keep the claim cost per job low.
   */
  const runDue = async (at?: Date): Promise<RunSummary> => {
    const totals = { claimed: 0, done: 0, retried: 0, dead: 0, skipped: 0 };
    const kinds = handlers.kinds();
    if (kinds.length === 0) return totals;
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    let drained = false;
    for (;;) {
      const free = concurrency - inFlight.size;
      const claiming = !drained && failure === undefined && !(stopping && at === undefined);
      if (claiming && (inFlight.size === 0 || free >= Math.ceil(concurrency / 2))) {
        const now = at ?? clock.now();
        let claimed: Claimed;
        try {
          claimed = await claimJobs(storage.sql, { workerId, now, leaseMs, limit: free, kinds });
        } catch (error) {
          // the jobs already running still finish before runDue reports the error
          failure = { error };
          continue;
        }
        const { jobs, buried } = claimed;
        totals.claimed += jobs.length;
        totals.dead += buried;
        // fewer than asked for: nothing else is due right now
        drained = jobs.length + buried < free;
        for (const job of jobs) {
          const run: Promise<void> = execute(job, now)
            .then((outcome) => void totals[outcome]++)
            .catch((error: unknown) => void (failure ??= { error }))
            .finally(() => inFlight.delete(run));
          inFlight.add(run);
        }
        if (!drained) continue;
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight);
      // a finished job may have queued due work (a chain of timers): look again
      drained = false;
    }
    if (failure !== undefined) throw failure.error;
    return totals;
  };

  const poll = (): void => {
    if (stopping) return;
    running = runDue()
      .catch((error: unknown) => options.logger?.error({ err: error }, 'job worker poll failed'))
      .finally(() => {
        if (!stopping) timer = setTimeout(poll, pollMs);
      });
  };

  return {
    workerId,
    start() {
      if (timer !== undefined || stopping) return;
      timer = setTimeout(poll, 0);
    },
    async stop() {
      stopping = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
    runDue,
  };
}
