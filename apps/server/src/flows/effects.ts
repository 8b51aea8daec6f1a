/**
 * A transition's effects, written in its transaction: timers become jobs (due at their time, one
 * per timer id), inbox messages are rows, webhooks are outbox jobs the worker sends after commit,
 * at least once, each carrying the engine's delivery id (X-Trellis-Delivery) for deduplication.
 * Email notifications land in the inbox too: users have no address on file yet.
 */
import type { FlowEffect } from '@trellis/flow';
import type { InboxMessage, JsonValue } from '@trellis/storage';
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
