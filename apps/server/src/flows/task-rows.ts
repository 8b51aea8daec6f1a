import type { FlowDefinition } from '@trellis/definitions';
import type { FlowTask, InstanceState } from '@trellis/flow';
import type { FlowTaskRow } from '@trellis/storage';

export interface TaskRowContext {
  readonly instanceId: string;
  readonly app: string;
  readonly flow: FlowDefinition;
  readonly recordId: string | null;
}

function rowOf(task: FlowTask, ctx: TaskRowContext): FlowTaskRow {
  const node = ctx.flow.nodes.find((n) => n.id === task.node);
  return {
    id: task.id,
    instanceId: ctx.instanceId,
    app: ctx.app,
    flowId: ctx.flow.id,
    node: task.node,
    label: node?.label ?? { en: task.node, 'zh-CN': task.node },
    kind: task.kind,
    status: task.status,
    outcome: task.outcome ?? null,
    // open: who may act now; closed: who took part (for "tasks I handled")
    assignees: task.seats.filter((s) => (task.status === 'open' ? s.status === 'open' : s.status !== 'replaced' && s.status !== 'queued')).map((s) => s.user),
    entity: ctx.flow.entity ?? '',
    recordId: ctx.recordId,
    openedAt: task.openedAt,
    closedAt: task.closedAt ?? null,
    remindAt: task.remindAt ?? null,
    dueAt: task.escalateAt ?? null,
  };
}

/** Task rows that differ between two states (all of the new one's when there was none before). */
export function changedTaskRows(before: InstanceState | null, after: InstanceState, ctx: TaskRowContext): FlowTaskRow[] {
  const previous = new Map((before?.tasks ?? []).map((t) => [t.id, JSON.stringify(t)]));
  return after.tasks.filter((t) => previous.get(t.id) !== JSON.stringify(t)).map((t) => rowOf(t, ctx));
}

/** The earliest escalation time of the open tasks: past it, the instance is overdue. */
export function dueAtOf(state: InstanceState): string | null {
  const times = state.tasks.filter((t) => t.status === 'open' && t.escalateAt !== undefined).map((t) => t.escalateAt as string);
  return times.length === 0 ? null : times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}
