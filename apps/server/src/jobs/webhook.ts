/**
 * Webhook delivery (job kind 'webhook'): POSTs a JSON body, signed, with a delivery id that stays
 * the same across retries so the receiver can drop repeats. 2xx is delivered; anything else (or
 * no answer in time) is retried with backoff. Every attempt is written to the delivery log.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { JsonValue, StorageTx } from '@trellis/storage';
import { logDelivery } from './delivery-log.js';
import { enqueueDelivery } from './enqueue.js';
import type { JobHandler } from './types.js';

export const WEBHOOK_KIND = 'webhook';
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookPayload = {
  readonly url: string;
  readonly body: JsonValue;
  readonly deliveryId: string;
  /** sent as X-Trellis-Event */
  readonly event: string | null;
};

export interface WebhookSettings {
  /** the HMAC key; without one the X-Trellis-Signature header is left out */
  readonly secret: string | undefined;
  /** per attempt (default 10 s); keep it well below the worker's lease */
  readonly timeoutMs?: number;
}

interface WebhookAttempt {
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`, the X-Trellis-Signature value. */
export function signWebhookBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

export function webhookHandler(settings: WebhookSettings): JobHandler<WebhookPayload, WebhookAttempt> {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  return {
    async perform(job, context) {
      const raw = JSON.stringify(job.payload.body);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'Trellis-Webhooks/1',
        'x-trellis-delivery': job.payload.deliveryId,
        'x-trellis-timestamp': String(Math.floor(context.now.getTime() / 1000)),
        'x-trellis-attempt': String(job.attempt),
      };
      if (settings.secret !== undefined) headers['x-trellis-signature'] = signWebhookBody(settings.secret, raw);
      if (job.payload.event !== null) headers['x-trellis-event'] = job.payload.event;
      const started = performance.now();
      try {
        const response = await fetch(job.payload.url, {
          method: 'POST',
          headers,
          body: raw,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        // The answer's body is not used; dropping it frees the connection.
        await response.body?.cancel();
        const ok = response.status >= 200 && response.status < 300;
        return { statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: performance.now() - started };
      } catch (error) {
        return { statusCode: null, error: describeFailure(error, timeoutMs), durationMs: performance.now() - started };
      }
    },
    async complete(tx, job, attempt, context) {
      await logDelivery(tx.sql, {
        deliveryId: job.payload.deliveryId,
        jobId: job.id,
        channel: 'webhook',
        target: job.payload.url,
        outcome: attempt.error === null ? 'delivered' : 'failed',
        statusCode: attempt.statusCode,
        attempt: job.attempt,
        at: context.now.toISOString(),
        error: attempt.error,
        durationMs: attempt.durationMs,
      });
      return attempt.error === null ? undefined : { retry: attempt.error };
    },
  };
}

export interface EnqueueWebhook {
  readonly url: string;
  readonly body: JsonValue;
  /** default: a new uuid; give one to make enqueueing idempotent (e.g. derived from an outbox entry) */
  readonly deliveryId?: string;
  readonly event?: string;
  /** default: now */
  readonly runAt?: Date | string;
  readonly maxAttempts?: number;
}

/** Queues a webhook inside the caller's transaction (dedupe key `webhook:<deliveryId>`). */
export async function enqueueWebhook(tx: StorageTx, webhook: EnqueueWebhook): Promise<{ id: string; created: boolean; deliveryId: string }> {
  const url = new URL(webhook.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`a webhook URL must be http or https, not ${url.protocol}`);
  const deliveryId = webhook.deliveryId ?? randomUUID();
  const payload: WebhookPayload = { url: url.toString(), body: webhook.body, deliveryId, event: webhook.event ?? null };
  return enqueueDelivery(tx, { kind: WEBHOOK_KIND, deliveryId, payload, runAt: webhook.runAt, maxAttempts: webhook.maxAttempts });
}
