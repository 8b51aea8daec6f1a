/**
 * Email (job kind 'email'): sent through SMTP (nodemailer) when SMTP_URL is configured, otherwise
 * logged as skipped and done, so flows behave the same on a laptop without a mail server.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createTransport } from 'nodemailer';
import type { StorageTx } from '@trellis/storage';
import { logDelivery } from './delivery-log.js';
import { enqueueDelivery } from './enqueue.js';
import type { JobHandler } from './types.js';

export const EMAIL_KIND = 'email';
export const DEFAULT_SMTP_FROM = 'Trellis <trellis@localhost>';
const SMTP_TIMEOUT_MS = 15_000;

export type EmailPayload = {
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly deliveryId: string;
};

export interface EmailSettings {
  /** smtp://user:pass@host:port or smtps://…; absent: emails are logged as skipped */
  readonly smtpUrl: string | undefined;
  /** the From header (default "Trellis <trellis@localhost>") */
  readonly from?: string;
}

type EmailAttempt = { readonly outcome: 'delivered' | 'failed' | 'skipped'; readonly error: string | null; readonly durationMs: number };

export function emailHandler(settings: EmailSettings): JobHandler<EmailPayload, EmailAttempt> {
  const transport =
    settings.smtpUrl === undefined
      ? undefined
      : createTransport({
          url: settings.smtpUrl,
          connectionTimeout: SMTP_TIMEOUT_MS,
          greetingTimeout: SMTP_TIMEOUT_MS,
          socketTimeout: SMTP_TIMEOUT_MS,
        });
  const from = settings.from ?? DEFAULT_SMTP_FROM;
  return {
    async perform(job) {
      if (transport === undefined) return { outcome: 'skipped', error: 'SMTP_URL is not configured', durationMs: 0 };
      const started = performance.now();
      try {
        await transport.sendMail({
          from,
          to: job.payload.to,
          subject: job.payload.subject,
          text: job.payload.text,
          ...(job.payload.html === null ? {} : { html: job.payload.html }),
          headers: { 'X-Trellis-Delivery': job.payload.deliveryId },
        });
        return { outcome: 'delivered', error: null, durationMs: performance.now() - started };
      } catch (error) {
        return { outcome: 'failed', error: error instanceof Error ? error.message : String(error), durationMs: performance.now() - started };
      }
    },
    async complete(tx, job, attempt, context) {
      await logDelivery(tx.sql, {
        deliveryId: job.payload.deliveryId,
        jobId: job.id,
        channel: 'email',
        target: job.payload.to.join(', '),
        outcome: attempt.outcome,
        statusCode: null,
        attempt: job.attempt,
        at: context.now.toISOString(),
        error: attempt.error,
        durationMs: attempt.durationMs,
      });
      return attempt.outcome === 'failed' ? { retry: attempt.error ?? 'failed' } : undefined;
    },
  };
}

export interface EnqueueEmail {
  readonly to: string | readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** default: a new uuid; the job's dedupe key is `email:<deliveryId>` */
  readonly deliveryId?: string;
  /** default: now */
  readonly runAt?: Date | string;
  readonly maxAttempts?: number;
}

/** Queues an email inside the caller's transaction. */
export async function enqueueEmail(tx: StorageTx, email: EnqueueEmail): Promise<{ id: string; created: boolean; deliveryId: string }> {
  const to = typeof email.to === 'string' ? [email.to] : [...email.to];
  if (to.length === 0) throw new TypeError('an email needs at least one recipient');
  const deliveryId = email.deliveryId ?? randomUUID();
  const payload: EmailPayload = { to, subject: email.subject, text: email.text, html: email.html ?? null, deliveryId };
  return enqueueDelivery(tx, { kind: EMAIL_KIND, deliveryId, payload, runAt: email.runAt, maxAttempts: email.maxAttempts });
}
