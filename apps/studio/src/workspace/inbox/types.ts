/** What the inbox needs beyond the flow API's shapes: users to reassign to, action bodies, steps to return to. */
import type { LocalizedText } from '@trellis/errors';
import type { TimelineEntry } from '@trellis/flow';

export type { TaskView as Task, TimelineEntry } from '@trellis/flow';

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
