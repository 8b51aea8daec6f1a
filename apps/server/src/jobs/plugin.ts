import type { FastifyInstance } from 'fastify';
import { emailHandler, EMAIL_KIND } from './email.js';
import { createJobRegistry } from './registry.js';
import type { JobRegistry } from './types.js';
import { WEBHOOK_KIND, webhookHandler } from './webhook.js';
import { createJobWorker, type JobWorker, type JobWorkerOptions } from './worker.js';

/** The job settings of a server (see config.ts for the environment variables). */
export interface JobSettings extends Partial<Pick<JobWorkerOptions, 'workerId' | 'concurrency' | 'pollMs' | 'leaseMs' | 'backoff' | 'random'>> {
  /** HMAC key for X-Trellis-Signature (WEBHOOK_SECRET) */
  readonly webhookSecret?: string;
  readonly webhookTimeoutMs?: number;
  /** SMTP_URL; absent: emails are logged as skipped */
  readonly smtpUrl?: string;
  readonly smtpFrom?: string;
}

/** `app.jobs`: modules register their kinds on `handlers`; tests drive `worker.runDue(now)`. */
export interface JobRuntime {
  readonly handlers: JobRegistry;
  readonly worker: JobWorker;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly jobs: JobRuntime;
  }
}

/**
 * Decorates `app.jobs` with the handler registry (webhook and email built in) and a worker that
 * is not started: `startServer` starts it once the storage is migrated. Closing the app stops it
 * first (preClose), letting running jobs finish before the storage closes.
 */
export function installJobs(app: FastifyInstance, settings: JobSettings = {}): void {
  const handlers = createJobRegistry();
  handlers.register(WEBHOOK_KIND, webhookHandler({ secret: settings.webhookSecret, timeoutMs: settings.webhookTimeoutMs }));
  handlers.register(EMAIL_KIND, emailHandler({ smtpUrl: settings.smtpUrl, from: settings.smtpFrom }));
  const { workerId, concurrency, pollMs, leaseMs, backoff, random } = settings;
  const worker = createJobWorker({ storage: app.storage, clock: app.clock, handlers, logger: app.log, workerId, concurrency, pollMs, leaseMs, backoff, random });
  app.decorate('jobs', { handlers, worker });
  app.addHook('preClose', async () => worker.stop());
}
