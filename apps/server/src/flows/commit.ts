/**
 * One transition, written in the caller's transaction: record changes (validated), the instance
 * state under its revision, task rows, one audit entry with the history the transition added, and
 * the effects (timers, inbox, outbox); when an instance of a flow without an entity ends, the
 * incentive run it approves (if any) takes the outcome. A transition that added nothing (a timer
 * the state no longer holds) writes nothing.
 */
import type { FlowDefinition } from '@trellis/definitions';
import type { InstanceState, Transition } from '@trellis/flow';
import type { FlowInstance, JsonObject, StoredRecord } from '@trellis/storage';
import { runApprovalEnded } from '../incentives/approval-ended.js';
import { writeEffects } from './effects.js';
import { writeRecordChanges } from './record-changes.js';
import type { FlowScope } from './scope.js';
import { changedTaskRows, dueAtOf } from './task-rows.js';

export interface CommitInput {
  readonly app: string;
  readonly flow: FlowDefinition;
  readonly flowVersion: number;
  /** the stored instance; null when this transition starts it */
  readonly instance: FlowInstance | null;
  readonly record: StoredRecord | null;
  readonly transition: Transition;
  readonly actor: string;
  /** the action, for the audit entry ('start', 'approve', 'timer_fired'…) */
  readonly action: string;
}

export interface Committed {
  readonly instance: FlowInstance;
  readonly record: StoredRecord | null;
  readonly changed: boolean;
}

const asJson = (state: InstanceState) => state as unknown as JsonObject;

export async function commitTransition(scope: FlowScope, input: CommitInput): Promise<Committed> {
  const { transition, instance } = input;
  const state = transition.state;
  const idle = instance !== null && transition.events.length === 0 && transition.effects.length === 0 && transition.recordChanges.length === 0;
  if (idle) return { instance, record: input.record, changed: false };

  const written = await writeRecordChanges(scope, transition.recordChanges, {
    app: input.app, actor: input.actor, record: input.record, created: instance?.createdRecords ?? {}, owner: state.recordOwner,
  });
  const write = {
    status: state.status, outcome: state.outcome ?? null, state: asJson(state), createdRecords: written.created, dueAt: dueAtOf(state),
    endedAt: state.endedAt ?? null,
  };
  const stored = instance === null
    ? await scope.tx.flowInstances.create({
      id: state.instanceId, app: input.app, flowId: input.flow.id, flowVersion: input.flowVersion, entity: input.flow.entity ?? '',
      recordId: input.record?.id ?? null, startedBy: input.actor, ...write,
    })
    : await scope.tx.flowInstances.update({ id: instance.id, expectedRevision: instance.revision, ...write });
  const before = instance === null ? null : (instance.state as unknown as InstanceState);
  await scope.tx.flowTasks.upsert(changedTaskRows(before, state, { instanceId: stored.id, app: input.app, flow: input.flow, recordId: stored.recordId }));
  await scope.tx.audit.append({
    action: `flow.${input.action}`, actor: input.actor, requestId: scope.requestId, app: input.app, entity: input.flow.entity ?? null,
    recordId: stored.recordId, definitionKind: 'flow', definitionId: input.flow.id,
    after: JSON.parse(JSON.stringify({
      instanceId: stored.id, flowVersion: stored.flowVersion, revision: stored.revision, status: stored.status, events: transition.events,
    })) as JsonObject,
  });
  await writeEffects(scope, input.app, stored.id, transition.effects);
  const ended = state.status !== 'running' && instance?.status !== state.status;
  if (ended && input.flow.entity === undefined) await runApprovalEnded(scope, stored, input.actor);
  return { instance: stored, record: written.record, changed: true };
}
