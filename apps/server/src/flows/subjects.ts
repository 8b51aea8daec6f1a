/**
 * Flows without an entity run on something the server keeps apart from records: an incentive run
 * (its approval flow). When such an instance ends, in the same transaction, whatever it decides
 * on takes the outcome; each handler recognises its own instances and ignores the others.
 */
import type { FlowInstance } from '@trellis/storage';
import { runApprovalEnded } from '../incentives/approval-ended.js';
import type { FlowScope } from './scope.js';

export type SubjectFlowEnded = (scope: FlowScope, instance: FlowInstance, actor: string) => Promise<void>;

const HANDLERS: readonly SubjectFlowEnded[] = [runApprovalEnded];

export async function subjectFlowEnded(scope: FlowScope, instance: FlowInstance, actor: string): Promise<void> {
  for (const handler of HANDLERS) await handler(scope, instance, actor);
}
