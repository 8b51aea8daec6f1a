/**
 * The end of a run's approval flow, inside the transition that ended it: the outcome `approved`
 * makes the run approved and at once final (its results never change again); any other end
 * (rejected, withdrawn) sends it back to computed, where it may be rerun or submitted again.
 */
import type { FlowInstance, StorageTx } from '@trellis/storage';
import { TrellisError } from '@trellis/errors';
import type { FlowScope } from '../flows/scope.js';
import { runProblems } from './problems.js';
import { runStore } from './store.js';
import type { RunStatus } from './types.js';

/** The outcome of an approval flow's end node that approves the run (documented with `approvalFlow`). */
const APPROVED_OUTCOME = 'approved';

export interface RunStep {
  readonly action: 'submit' | 'approve' | 'finalize' | 'reject';
  readonly from: RunStatus;
  readonly to: RunStatus;
  /** the columns it sets besides the status */
  readonly set: Readonly<Record<string, unknown>>;
}

export interface StepContext {
  readonly actor: string;
  readonly requestId: string | null;
  /** the approval flow instance, named in the audit entry */
  readonly instanceId?: string | null;
}

/** One conditional status change of a run and its audit entry; INCENTIVE_RUN_CONFLICT when the run was not in `from`. */
export async function moveRun(tx: StorageTx, run: { readonly id: string; readonly app: string }, step: RunStep, context: StepContext): Promise<void> {
  const store = runStore(tx.sql);
  if (!(await store.transition(tx.sql, run.id, [step.from], step.to, step.set))) {
    throw new TrellisError([runProblems.badStatus(run.id, (await store.get(run.id))?.status ?? 'gone', step.action)]);
  }
  const after: Record<string, string> = { runId: run.id, status: step.to };
  if (context.instanceId != null) after.approvalInstance = context.instanceId;
  await tx.audit.append({
    action: `incentive.run.${step.action}`, app: run.app, actor: context.actor, requestId: context.requestId,
    before: { runId: run.id, status: step.from }, after,
  });
}

/** Called as any instance of a flow without an entity ends (flows/commit.ts); one approving no run is left alone. */
export async function runApprovalEnded(scope: FlowScope, instance: FlowInstance, actor: string): Promise<void> {
  const run = await runStore(scope.tx.sql).ofApproval(scope.tx.sql, instance.id);
  if (run === null) return;
  const at = scope.now.toISOString();
  const context = { actor, requestId: scope.requestId, instanceId: instance.id };
  if (instance.status === 'completed' && instance.outcome === APPROVED_OUTCOME) {
    await moveRun(scope.tx, run, { action: 'approve', from: 'submitted', to: 'approved', set: { approved_by: actor, approved_at: at } }, context);
    await moveRun(scope.tx, run, { action: 'finalize', from: 'approved', to: 'final', set: { finalized_by: actor, finalized_at: at } }, context);
  } else {
    await moveRun(scope.tx, run, { action: 'reject', from: 'submitted', to: 'computed', set: { submitted_by: null, submitted_at: null } }, context);
  }
}
