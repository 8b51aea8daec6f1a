/**
 * Payout approval as a state machine (the flow runtime is not in the tree yet): a computed run is
 * submitted, then approved by someone other than the submitter (or sent back), then finalised.
 * From submission on its results cannot change (service and database triggers); a final run is
 * immutable for good, and corrections go into a later run of the period as adjustment lines.
 * Every step is a conditional status change followed by its audit entry.
 */
import { TrellisError } from '@trellis/errors';
import type { Storage } from '@trellis/storage';
import { runProblems } from './problems.js';
import { runStore } from './store.js';
import type { IncentiveRun, RunStatus } from './types.js';

export type ApprovalAction = 'submit' | 'reject' | 'approve' | 'finalize';

const STEPS: Readonly<Record<ApprovalAction, { from: RunStatus; to: RunStatus; by?: string; at?: string }>> = {
  submit: { from: 'computed', to: 'submitted', by: 'submitted_by', at: 'submitted_at' },
  reject: { from: 'submitted', to: 'computed' },
  approve: { from: 'submitted', to: 'approved', by: 'approved_by', at: 'approved_at' },
  finalize: { from: 'approved', to: 'final', by: 'finalized_by', at: 'finalized_at' },
};

export async function approvalStep(storage: Storage, id: string, action: ApprovalAction, actor: string, requestId?: string | null): Promise<IncentiveRun> {
  const store = runStore(storage.sql);
  const run = await store.get(id);
  if (run === null) throw new TrellisError([runProblems.runNotFound(id)]);
  const step = STEPS[action];
  if (run.status !== step.from) throw new TrellisError([runProblems.badStatus(id, run.status, action)]);
  if (action === 'approve' && run.submittedBy === actor) throw new TrellisError([runProblems.sameApprover()]);
  const set: Record<string, unknown> = {};
  if (step.by !== undefined && step.at !== undefined) Object.assign(set, { [step.by]: actor, [step.at]: storage.now().toISOString() });
  if (action === 'reject') Object.assign(set, { submitted_by: null, submitted_at: null });
  const moved = await store.transition(storage.sql, id, [step.from], step.to, set);
  if (!moved) throw new TrellisError([runProblems.badStatus(id, (await store.get(id))?.status ?? 'gone', action)]);
  await storage.transaction((tx) => tx.audit.append({
    action: `incentive.run.${action}`, app: run.app, actor, requestId: requestId ?? null,
    before: { runId: id, status: step.from }, after: { runId: id, status: step.to },
  }));
  return await store.get(id) as IncentiveRun;
}

