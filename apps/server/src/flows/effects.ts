/**
 * A transition's effects, written in its transaction: timers become jobs (due at their time, one
 * per timer id), inbox messages are rows, webhooks are outbox jobs the worker sends after commit,
 * at least once, each carrying the engine's delivery id (X-Trellis-Delivery) for deduplication.
 * Email notifications are also kept in the in-app inbox, so a recipient without an address (or a
 * server without SMTP, where the email job is logged as skipped) still sees them.
 */
import { isLocale, localize, type LocalizedText } from '@trellis/errors';
import type { FlowEffect } from '@trellis/flow';
import type { InboxMessage, JsonValue, StorageTx } from '@trellis/storage';
import { enqueueEmail } from '../jobs/email.js';
import { cancelJobs, enqueueJob } from '../jobs/enqueue.js';
import { enqueueWebhook } from '../jobs/webhook.js';
import type { FlowScope } from './scope.js';

export const FLOW_TIMER_JOB = 'flow.timer';

export const timerJobKey = (timerId: string) => `${FLOW_TIMER_JOB}:${timerId}`;

export type TimerPayload = { readonly instanceId: string; readonly timerId: string };

export async function writeEffects(scope: FlowScope, app: string, instanceId: string, effects: readonly FlowEffect[]): Promise<void> {
  const inbox: Omit<InboxMessage, 'id' | 'createdAt' | 'readAt'>[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case 'create_timer': {
        const payload: TimerPayload = { instanceId, timerId: effect.timerId };
        await enqueueJob(scope.tx, { kind: FLOW_TIMER_JOB, runAt: effect.fireAt, payload, dedupeKey: timerJobKey(effect.timerId) });
        break;
      }
      case 'cancel_timer':
        await cancelJobs(scope.tx, { dedupeKey: timerJobKey(effect.timerId) });
        break;
      case 'notify':
        if (effect.channel === 'email') await enqueueEmails(scope.tx, effect);
        for (const recipient of effect.recipients) {
          inbox.push({
            deliveryId: effect.deliveryId, recipient, app, instanceId, taskId: effect.taskId ?? null, reason: effect.reason,
            subject: effect.subject ?? null, message: effect.message ?? null,
          });
        }
        break;
      case 'webhook':
        await enqueueWebhook(scope.tx, {
          url: effect.url, deliveryId: effect.deliveryId, event: effect.event, runAt: scope.now,
          body: JSON.parse(JSON.stringify({ deliveryId: effect.deliveryId, event: effect.event, app, instanceId, node: effect.node, payload: effect.payload })) as JsonValue,
        });
        break;
    }
  }
  await scope.tx.inbox.add(inbox);
}

type NotifyEffect = Extract<FlowEffect, { type: 'notify' }>;

const DEFAULT_SUBJECT: LocalizedText = { en: 'A notification from Trellis', 'zh-CN': '来自 Trellis 的通知' };

/** One email per recipient with an address, in their language; the delivery id stays per recipient. */
async function enqueueEmails(tx: StorageTx, effect: NotifyEffect): Promise<void> {
  for (const recipient of effect.recipients) {
    const user = await tx.users.get(recipient);
    if (user?.email == null || user.disabled) continue;
    const locale = isLocale(user.locale) ? user.locale : 'zh-CN';
    const subject = localize(effect.subject ?? effect.message ?? DEFAULT_SUBJECT, locale);
    await enqueueEmail(tx, {
      to: user.email,
      subject,
      text: effect.message === undefined ? subject : localize(effect.message, locale),
      deliveryId: `${effect.deliveryId}:${recipient}`,
    });
  }
}
