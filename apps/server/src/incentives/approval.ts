/**
 * Payout approval runs on the app's flows: submitting a computed run starts the approval flow its
 * programs name (`approvalFlow`) with the submitter as initiator; approving or rejecting acts on
 * the open task the caller holds; the flow's end moves the run (approval-ended.ts): approved →
 * final, anything else → back to computed. From submission on its results cannot change (service
 * and database triggers); a final run is immutable for good, and corrections go into a later run
 * of the period as adjustment lines. Every status change is followed by its audit entry.
 */
import { randomUUID } from 'node:crypto';
import { TrellisError } from '@trellis/errors';
import type { InstanceState } from '@trellis/flow';
import type { Storage } from '@trellis/storage';
import { latestFlow } from '../flows/definitions.js';
import { applyToLocked, startFlow } from '../flows/run.js';
import { flowScope } from '../flows/scope.js';
import { moveRun } from './approval-ended.js';
import { runProblems } from './problems.js';
import { runStore } from './store.js';
import type { IncentiveRun } from './types.js';

export type ApprovalAction = 'submit' | 'reject' | 'approve' | 'finalize';

export interface ApprovalOptions {
  readonly requestId?: string | null;
  readonly comment?: string;
}

async function existing(storage: Storage, id: string): Promise<IncentiveRun> {
  const run = await runStore(storage.sql).get(id);
  if (run === null) throw new TrellisError([runProblems.runNotFound(id)]);
  return run;
}

/** The one flow every program of the run names as its approval flow. */
async function approvalFlowOf(storage: Storage, run: IncentiveRun): Promise<string> {
  const flows = new Set<string>();
  for (const ref of run.programs) {
    const version = await storage.read.definitions.getVersion({ app: run.app, kind: 'program', id: ref.id, version: ref.version });
    const flow = (version?.body as { approvalFlow?: string } | undefined)?.approvalFlow;
    if (flow === undefined) throw new TrellisError([runProblems.noApprovalFlow(ref.id)]);
    flows.add(flow);
  }
  if (flows.size !== 1) throw new TrellisError([runProblems.approvalFlowsDiffer([...flows])]);
  return [...flows][0] as string;
}

async function submit(storage: Storage, run: IncentiveRun, actor: string, requestId: string | null): Promise<void> {
  if (run.status !== 'computed') throw new TrellisError([runProblems.badStatus(run.id, run.status, 'submit')]);
  const flow = await latestFlow(storage.read, run.app, await approvalFlowOf(storage, run));
  // an instance on an entity would wait for a record and never move the run
  const entity = flow.definition.entity;
  if (entity !== undefined) throw new TrellisError([runProblems.approvalFlowOnEntity(flow.definition.id, entity)]);
  await storage.transaction(async (tx) => {
    // the run is submitted first: a flow without human steps may end (and move it on) as it starts
    const instanceId = randomUUID();
    const at = storage.now();
    await moveRun(tx, run, {
      action: 'submit', from: 'computed', to: 'submitted', set: { submitted_by: actor, submitted_at: at.toISOString(), approval_instance: instanceId },
    }, { actor, requestId, instanceId });
    await startFlow(flowScope(tx, { now: at, requestId }), { app: run.app, flow, record: null, actor, instanceId });
  });
}

/** Approves or rejects the open step of the run's approval flow that waits for `actor`. */
async function decide(storage: Storage, run: IncentiveRun, type: 'approve' | 'reject', actor: string, options: ApprovalOptions): Promise<void> {
  if (run.status !== 'submitted' || run.approvalInstance === null) throw new TrellisError([runProblems.badStatus(run.id, run.status, type)]);
  const instanceId = run.approvalInstance;
  await storage.transaction(async (tx) => {
    const instance = await tx.flowInstances.lock(instanceId);
    if (instance === null || instance.status !== 'running') throw new TrellisError([runProblems.badStatus(run.id, run.status, type)]);
    const state = instance.state as unknown as InstanceState;
    const task = state.tasks.find((t) => t.status === 'open' && t.kind === 'approval' && t.seats.some((s) => s.user === actor && s.status === 'open'));
    if (task === undefined) throw new TrellisError([actor === state.startedBy ? runProblems.sameApprover() : runProblems.notApprover()]);
    const scope = flowScope(tx, { now: storage.now(), requestId: options.requestId ?? null });
    await applyToLocked(scope, instance, { type, taskId: task.id, ...(options.comment === undefined ? {} : { comment: options.comment }) }, actor);
  });
}

/** A run approved before approvals ran as flows (approve and finalize were separate steps then). */
async function finalize(storage: Storage, run: IncentiveRun, actor: string, requestId: string | null): Promise<void> {
  await storage.transaction((tx) => moveRun(tx, run, {
    action: 'finalize', from: 'approved', to: 'final', set: { finalized_by: actor, finalized_at: storage.now().toISOString() },
  }, { actor, requestId }));
}

export async function approvalStep(storage: Storage, id: string, action: ApprovalAction, actor: string, options: ApprovalOptions = {}): Promise<IncentiveRun> {
  const run = await existing(storage, id);
  const requestId = options.requestId ?? null;
  if (action === 'submit') await submit(storage, run, actor, requestId);
  else if (action === 'finalize') await finalize(storage, run, actor, requestId);
  else await decide(storage, run, action, actor, options);
  return existing(storage, id);
}
