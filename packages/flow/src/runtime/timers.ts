import type { FlowAssignee } from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import { flowProblems } from '../problems.js';
import type { FlowTask, FlowTimer } from '../types.js';
import { follow, waitUntil } from './advance.js';
import { decideTask, returnTask } from './actions.js';
import { resolveAssignees } from './assignees.js';
import type { Run } from './run.js';
import { isLive, mayHold, openUsers, slaOf } from './tasks.js';

/**
 * Hands every open part of a task to someone else who may hold it; a part whose new holder already
 * has one is dropped, a part nobody may take over stays where it is.
 */
function handOver(run: Run, task: FlowTask, to: (user: string) => readonly string[]): string[] {
  const node = run.node(task.node);
  const added: string[] = [];
  const holding = new Set(task.seats.filter(isLive).map((s) => s.user));
  const seats = task.seats.flatMap((s) => {
    if (s.status !== 'open') return [s];
    const next = to(s.user).filter((u) => u !== s.user && mayHold(run, node, u));
    if (next.length === 0) return [s];
    const fresh = next.filter((u) => !holding.has(u));
    fresh.forEach((u) => holding.add(u));
    added.push(...fresh);
    return [{ ...s, status: 'replaced' as const, at: run.now }, ...fresh.map((user) => ({ user, status: 'open' as const, extra: s.extra }))];
  });
  run.putTask({ ...task, seats });
  return added;
}

function escalate(run: Run, task: FlowTask): void {
  const node = run.node(task.node);
  const escalation = slaOf(node)?.escalation;
  const { directory } = run.ctx;
  run.putTask({ ...task, escalated: true });
  const current = { ...task, escalated: true };
  const managers = (user: string): string[] => {
    const manager = directory.user(user)?.manager;
    return manager == null ? [] : [manager];
  };
  const action = escalation?.action ?? 'notify_manager';
  run.log({ action: 'escalated', node: node.id, task: task.id, data: { escalation: action } });
  switch (escalation?.action) {
    case 'reassign_to_manager':
    case 'reassign': {
      const list: readonly FlowAssignee[] = escalation.action === 'reassign' ? escalation.to : [];
      const targets = escalation.action === 'reassign' ? resolveAssignees(run, list, `${run.nodePath(node.id)}.settings.sla.escalation.to`) : [];
      const added = handOver(run, current, escalation.action === 'reassign' ? () => targets : managers);
      run.notify('inbox', added, 'escalation', node.id, { taskId: task.id });
      return;
    }
    case 'auto_approve':
      if (task.kind === 'approval') decideTask(run, { type: 'approve', taskId: task.id }, true);
      return;
    case 'auto_return':
      returnTask(run, current, escalation.to, {});
      return;
    default:
      run.notify('inbox', [...new Set(openUsers(task).flatMap(managers))], 'escalation', node.id, { taskId: task.id });
  }
}

/**
 * A timer came due. A timer the state no longer holds (its task closed, the cancel raced the fire)
 * changes nothing, so the server may simply drop it.
 */
export function fireTimer(run: Run, timerId: string): void {
  const timer: FlowTimer | undefined = run.timers.find((t) => t.id === timerId);
  if (timer === undefined) return;
  run.timers = run.timers.filter((t) => t.id !== timerId);
  if (timer.kind === 'wait') {
    const token = run.tokens.find((t) => t.timer === timerId);
    if (token === undefined) return;
    const { timer: _fired, ...free } = token;
    run.putToken(free);
    run.log({ action: 'resumed', node: token.node });
    follow(run, free, 'out');
    return;
  }
  const task = run.tasks.find((t) => t.id === timer.task);
  if (task === undefined || task.status !== 'open') return;
  if (timer.kind === 'reminder') {
    run.log({ action: 'reminded', node: task.node, task: task.id, data: { to: openUsers(task) } });
    run.notify('inbox', openUsers(task), 'reminder', task.node, { taskId: task.id });
  } else {
    escalate(run, task);
  }
}

/** The record changed outside the flow: waits on a date field follow the new date. */
export function recordChanged(run: Run): void {
  for (const token of run.tokens.filter((t) => t.timer !== undefined)) {
    const node = run.node(token.node);
    if (node.type !== 'wait' || (node.settings as { until?: string } | undefined)?.until !== 'field') continue;
    const timer = run.timers.find((t) => t.id === token.timer);
    const until = waitUntil(run, node);
    if (timer !== undefined && until === timer.fireAt) continue;
    if (timer !== undefined) run.cancelTimer(timer.id);
    const { timer: _old, ...free } = token;
    run.log({ action: 'record_changed', node: node.id, data: { until } });
    if (until === null) {
      run.putToken(free);
      follow(run, free, 'out');
    } else {
      const id = run.nextId('w');
      run.addTimer({ id, kind: 'wait', fireAt: until, token: token.id });
      run.putToken({ ...free, timer: id });
    }
  }
}

export function assertRunning(run: Run): void {
  if (run.state.status !== 'running') throw new TrellisError([flowProblems.instanceClosed(run.state.status)]);
}
