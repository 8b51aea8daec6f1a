export type { Job, JobContext, JobHandler, JobRegistry, JobRetry, JobStatus, EnqueueJob, EnqueuedJob, CancelJobs, RunSummary } from './types.js';
export { enqueueJob, cancelJobs, DEFAULT_MAX_ATTEMPTS } from './enqueue.js';
export { createJobRegistry } from './registry.js';
export { createJobWorker, DEFAULT_LEASE_MS, type JobWorker, type JobWorkerOptions, type JobLogger } from './worker.js';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
export { enqueueWebhook, webhookHandler, signWebhookBody, WEBHOOK_KIND, type EnqueueWebhook, type WebhookPayload } from './webhook.js';
export { enqueueEmail, emailHandler, EMAIL_KIND, type EnqueueEmail, type EmailPayload } from './email.js';
export { listDeliveries, type DeliveryAttempt } from './delivery-log.js';
export { installJobs, type JobRuntime, type JobSettings } from './plugin.js';
/** The claim and completion statements alone, for benchmarks and crash tests (the worker uses them). */
export { claimJobs, lockClaim, markDone, markFailed, type ClaimOptions, type Claimed } from './claim.js';
