/**
 * Runs the pure engine inside a transaction: reads what a transition needs (the flow record,
 * lookups, the directory), calls the engine, and commits the result. Refusals come back as the
 * engine's problems, thrown as typed errors (FLOW_TASK_CLOSED → 409 and so on).
 */
import { randomUUID } from 'node:crypto';
import { TrellisError, type Problem, type Result } from '@trellis/errors';
import { applyAction, startInstance, type FlowAction, type InstanceState, type Transition } from '@trellis/flow';
import type { FlowInstance, StoredRecord } from '@trellis/storage';
import { commitTransition, type Committed } from './commit.js';
import { flowAt, type VersionedFlow } from './definitions.js';
import { readLookups } from './lookups.js';
import { flowHttpError, flowServiceProblems } from './problems.js';
import type { FlowScope } from './scope.js';

function unwrap(result: Result<Transition>): Transition {
  if (result.ok) return result.value;
  throw flowHttpError(result.problems) ?? new TrellisError(result.problems as [Problem, ...Problem[]]);
}

export interface StartFlow {
  readonly app: string;
  readonly flow: VersionedFlow;
  /** null for a flow without an entity, on something else that keeps the instance (an incentive run) */
  readonly record: StoredRecord | null;
  readonly actor: string;
  readonly instanceId?: string;
}

export async function startFlow(scope: FlowScope, input: StartFlow): Promise<Committed> {
  const { definition } = input.flow;
  const data = input.record?.data ?? {};
  const transition = unwrap(startInstance(definition, {
    instanceId: input.instanceId ?? randomUUID(), now: scope.now.toISOString(), actor: input.actor, record: data,
    directory: await scope.directory(), recordOwner: input.record?.owner ?? null, recordOrg: input.record?.partnerOrg ?? null, calendar: scope.calendar,
    lookups: await readLookups(scope.tx, input.app, definition, data),
  }));
  return commitTransition(scope, {
    app: input.app, flow: definition, flowVersion: input.flow.version, instance: null, record: input.record, transition,
    actor: input.actor, action: 'start',
  });
}

export interface ActOnInstance {
  readonly instanceId: string;
  readonly action: FlowAction;
  readonly actor: string;
  /** the revision the caller read: a changed instance is refused with 409 instead of acted on */
  readonly expectedRevision?: number;
}

/** Locks the instance row, applies one action, commits. FLOW_INSTANCE_NOT_FOUND when missing. */
export async function actOnInstance(scope: FlowScope, input: ActOnInstance): Promise<Committed> {
  const instance = await scope.tx.flowInstances.lock(input.instanceId);
  if (instance === null) throw new TrellisError([flowServiceProblems.instanceNotFound(input.instanceId)]);
  if (input.expectedRevision !== undefined && input.expectedRevision !== instance.revision) {
    throw flowHttpError([flowServiceProblems.instanceChanged(instance.id)]) as Error;
  }
  return applyToLocked(scope, instance, input.action, input.actor);
}

/** An action on an instance already locked by this transaction. */
export async function applyToLocked(scope: FlowScope, instance: FlowInstance, action: FlowAction, actor: string): Promise<Committed> {
  const flow = await flowAt(scope.tx, instance.app, instance.flowId, instance.flowVersion);
  const record = instance.recordId === null ? null : await scope.tx.records.get(instance.recordId);
  const data = record?.data ?? {};
  const transition = unwrap(applyAction(flow.definition, instance.state as unknown as InstanceState, action, {
    now: scope.now.toISOString(), actor, record: data, directory: await scope.directory(), calendar: scope.calendar,
    lookups: await readLookups(scope.tx, instance.app, flow.definition, data),
  }));
  return commitTransition(scope, {
    app: instance.app, flow: flow.definition, flowVersion: flow.version, instance, record, transition, actor, action: action.type,
  });
}
