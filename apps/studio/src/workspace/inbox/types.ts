/** The task and timeline shapes of A1's flow API the inbox reads. */
import type { LocalizedText } from '@trellis/errors';

export interface Task {
  readonly id: string;
  readonly instanceId: string;
  readonly app: string;
  readonly flowId: string;
  readonly node: string;
  readonly label: LocalizedText;
  readonly kind: 'approval' | 'form' | 'resubmit';
  readonly status: 'open' | 'closed';
  readonly assignees: readonly string[];
  readonly entity?: string;
  readonly recordId?: string | null;
  readonly openedAt: string;
  readonly dueAt?: string | null;
  readonly overdue?: boolean;
}

export interface TimelineEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string | null;
  readonly action: string;
  readonly what: LocalizedText;
  readonly step?: LocalizedText;
  readonly node?: string;
  readonly comment?: string;
}

export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

export type TaskAction = 'approve' | 'reject' | 'return' | 'reassign';

export interface ActionTargets {
  /** the user a reassigned task goes to */
  readonly reassignTo: string;
  /** the step a returned task goes back to */
  readonly returnTo: string;
}

/** The body of `POST /tasks/:id/actions`: `to` only for return (a step) and reassign (a user). */
export function actionBody(type: TaskAction, comment: string, targets: ActionTargets): Record<string, string> {
  const to = type === 'reassign' ? targets.reassignTo : type === 'return' ? targets.returnTo : '';
  return { type, ...(comment.trim() === '' ? {} : { comment: comment.trim() }), ...(to === '' ? {} : { to }) };
}

/** The steps a task can be returned to: those its flow passed through before, once each. */
export function earlierSteps(timeline: readonly TimelineEntry[], current: string): { node: string; step: LocalizedText }[] {
  const seen = new Map<string, LocalizedText>();
  for (const e of timeline) if (e.node !== undefined && e.step !== undefined && e.node !== current && !seen.has(e.node)) seen.set(e.node, e.step);
  return [...seen].map(([node, step]) => ({ node, step }));
}
