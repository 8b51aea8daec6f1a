import type { TaskView as Task, TimelineEntry } from '@trellis/flow';
import { api, path } from './client.js';

export type { TaskView as Task, TimelineEntry } from '@trellis/flow';

export interface FlowInstance {
  readonly id: string;
  readonly flowId: string;
  readonly recordId: string | null;
  readonly status: 'running' | 'completed' | 'withdrawn';
  readonly outcome?: string | null;
  readonly startedAt: string;
  readonly endedAt?: string | null;
  readonly tasks: readonly { readonly id: string; readonly node: string; readonly kind: Task['kind']; readonly status: 'open' | 'closed' }[];
  readonly timeline?: readonly TimelineEntry[];
}

export const flows = {
  myTasks: (status: 'open' | 'closed' = 'open') => api<{ items: Task[] }>('GET', `/api/tasks?status=${status}`),
  task: (id: string) => api<Task>('GET', path`/api/tasks/${id}`),
  act: (id: string, body: { type: 'submit' | 'comment'; data?: Record<string, unknown>; comment?: string }) =>
    api<{ instance: FlowInstance }>('POST', path`/api/tasks/${id}/actions`, body),
  instancesOf: (app: string, recordId: string) =>
    api<{ items: FlowInstance[] }>('GET', `${path`/api/apps/${app}/flow-instances`}?recordId=${encodeURIComponent(recordId)}`),
  instance: (id: string) => api<FlowInstance>('GET', path`/api/flow-instances/${id}`),
};

/** My open task on a record, if the record's flow waits for me (a correction, a signature …). */
export async function myOpenTaskOn(recordId: string, kinds: readonly Task['kind'][]): Promise<Task | null> {
  const { items } = await flows.myTasks('open');
  return items.find((t) => t.recordId === recordId && kinds.includes(t.kind)) ?? null;
}

/** A record's latest flow instance with its timeline, if a flow ever ran on it. */
export async function latestInstance(app: string, recordId: string): Promise<FlowInstance | null> {
  const [latest] = (await flows.instancesOf(app, recordId)).items;
  return latest === undefined ? null : flows.instance(latest.id);
}
