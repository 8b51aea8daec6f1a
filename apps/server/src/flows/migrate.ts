/**
 * Moves a running instance to another published version of its flow, explicitly (publishing never
 * does). Validated first: every node the instance stands on (its tokens, open tasks and join
 * progress) must exist in the target with the same kind, after the optional `mapping` of renamed
 * nodes; otherwise nothing changes. Timers keep their ids, so queued timer jobs still apply.
 */
import { TrellisError, type Problem } from '@trellis/errors';
import type { FlowDefinition } from '@trellis/definitions';
import { flowProblems, type InstanceState } from '@trellis/flow';
import type { JsonObject } from '@trellis/storage';
import { flowAt } from './definitions.js';
import { flowHttpError, flowServiceProblems } from './problems.js';
import type { FlowScope } from './scope.js';
import { changedTaskRows, dueAtOf } from './task-rows.js';

export interface MigrateInstance {
  readonly instanceId: string;
  readonly toVersion: number;
  readonly mapping?: Readonly<Record<string, string>>;
  readonly expectedRevision?: number;
  readonly actor: string;
}

function nodesInUse(state: InstanceState): string[] {
  return [...new Set([
    ...state.tokens.map((t) => t.node),
    ...state.tasks.filter((t) => t.status === 'open').map((t) => t.node),
    ...state.joins.map((j) => j.join),
  ])];
}

function renamed(state: InstanceState, map: (node: string) => string): InstanceState {
  return {
    ...state,
    tokens: state.tokens.map((t) => ({ ...t, node: map(t.node), trail: t.trail.map(map) })),
    tasks: state.tasks.map((t) => (t.status === 'open' ? { ...t, node: map(t.node) } : t)),
    joins: state.joins.map((j) => ({ ...j, join: map(j.join) })),
  };
}

function check(from: FlowDefinition, to: FlowDefinition, state: InstanceState, map: (node: string) => string): Problem[] {
  const problems: Problem[] = [];
  for (const node of nodesInUse(state)) {
    const target = to.nodes.find((n) => n.id === map(node));
    if (target === undefined) problems.push(flowServiceProblems.migrationUnmapped(node));
    else if (target.type !== from.nodes.find((n) => n.id === node)?.type) problems.push(flowServiceProblems.migrationKindChanged(node));
  }
  return problems;
}

export async function migrateInstance(scope: FlowScope, input: MigrateInstance) {
  const instance = await scope.tx.flowInstances.lock(input.instanceId);
  if (instance === null) throw new TrellisError([flowServiceProblems.instanceNotFound(input.instanceId)]);
  if (input.expectedRevision !== undefined && input.expectedRevision !== instance.revision) {
    throw flowHttpError([flowServiceProblems.instanceChanged(instance.id)]) as Error;
  }
  if (input.toVersion === instance.flowVersion) throw new TrellisError([flowServiceProblems.migrationSameVersion(input.toVersion)]);
  const from = await flowAt(scope.tx, instance.app, instance.flowId, instance.flowVersion);
  const to = await flowAt(scope.tx, instance.app, instance.flowId, input.toVersion);
  const state = instance.state as unknown as InstanceState;
  if (state.status !== 'running') throw flowHttpError([flowProblems.instanceClosed(state.status)]) as Error;
  const map = (node: string) => input.mapping?.[node] ?? node;
  const [first, ...rest] = check(from.definition, to.definition, state, map);
  if (first !== undefined) throw new TrellisError([first, ...rest]);
  const next = renamed(state, map);
  const updated = await scope.tx.flowInstances.update({
    id: instance.id, expectedRevision: instance.revision, status: instance.status, outcome: instance.outcome,
    state: next as unknown as JsonObject, createdRecords: instance.createdRecords, dueAt: dueAtOf(next), endedAt: instance.endedAt,
    flowVersion: to.version,
  });
  await scope.tx.flowTasks.upsert(changedTaskRows(state, next, { instanceId: instance.id, app: instance.app, flow: to.definition, recordId: instance.recordId }));
  await scope.tx.audit.append({
    action: 'flow.migrate', actor: input.actor, requestId: scope.requestId, app: instance.app, entity: instance.entity, recordId: instance.recordId,
    definitionKind: 'flow', definitionId: instance.flowId,
    before: { instanceId: instance.id, flowVersion: instance.flowVersion }, after: { instanceId: instance.id, flowVersion: to.version, mapping: { ...input.mapping } },
  });
  return updated;
}
