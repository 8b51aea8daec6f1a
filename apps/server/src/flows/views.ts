import { timeline, type FlowTask, type InstanceState, type TimelineEntry } from '@trellis/flow';
import type { FlowInstance, JsonObject } from '@trellis/storage';

/** An instance as the API shows it: its row without the raw state, its tasks, and on request its timeline. */
export type InstanceView = Omit<FlowInstance, 'state'> & {
  readonly overdue: boolean;
  readonly tasks: readonly FlowTask[];
  readonly timeline?: readonly TimelineEntry[];
};

export function instanceView(instance: FlowInstance, now: Date, options: { timeline?: boolean } = {}): InstanceView {
  const state = instance.state as unknown as InstanceState;
  const { state: _state, ...row } = instance;
  return {
    ...row,
    overdue: instance.status === 'running' && instance.dueAt !== null && Date.parse(instance.dueAt) < now.getTime(),
    tasks: state.tasks,
    ...(options.timeline === true ? { timeline: timeline(state, { detail: true }) } : {}),
  };
}

/** A view as plain JSON (for idempotency storage and responses). */
export const asJsonObject = (value: unknown): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

/** Everyone who ever held a seat on the instance. */
export function participants(instance: FlowInstance): Set<string> {
  const state = instance.state as unknown as InstanceState;
  return new Set([state.startedBy, ...state.tasks.flatMap((t) => t.seats.map((s) => s.user))]);
}
