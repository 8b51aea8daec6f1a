import type { FlowApprovalSettings, FlowFormTaskSettings, FlowNode, FlowSla } from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import { settingsOf } from '../graph.js';
import { flowProblems } from '../problems.js';
import { SYSTEM_ACTOR, type FlowTask, type FlowToken, type Seat, type TaskKind, type TaskOutcome } from '../types.js';
import { resolveAssignees } from './assignees.js';
import type { Run } from './run.js';
import { addDuration } from './time.js';

const LIVE: ReadonlySet<Seat['status']> = new Set(['open', 'queued', 'blocked']);

export function isLive(seat: Seat): boolean {
  return LIVE.has(seat.status);
}

export function openUsers(task: FlowTask): string[] {
  return task.seats.filter((s) => s.status === 'open').map((s) => s.user);
}

export function slaOf(node: FlowNode): FlowSla | undefined {
  if (node.type === 'approval') return settingsOf<FlowApprovalSettings>(node).sla;
  if (node.type === 'form_task') return settingsOf<FlowFormTaskSettings>(node).sla;
  return undefined;
}

/**
 * Whether the user may hold a part of the step: anyone but who started the instance where an
 * approval has `excludeInitiator`. Every way of giving a part (opening, reassign, add approver,
 * escalation) asks this.
 */
export function mayHold(run: Run, node: FlowNode, user: string): boolean {
  return user !== run.state.startedBy || node.type !== 'approval' || settingsOf<FlowApprovalSettings>(node).excludeInitiator !== true;
}

function seatsFor(run: Run, node: FlowNode, kind: TaskKind): { seats: Seat[]; path: string } {
  const at = `${run.nodePath(node.id)}.settings`;
  if (kind === 'resubmit') return { seats: [{ user: run.state.startedBy, status: 'open', extra: false }], path: at };
  const approval = kind === 'approval' ? settingsOf<FlowApprovalSettings>(node) : undefined;
  const list = approval?.approvers ?? settingsOf<FlowFormTaskSettings>(node).assignees;
  const path = `${at}.${approval === undefined ? 'assignees' : 'approvers'}`;
  const users = resolveAssignees(run, list, path).filter((u) => mayHold(run, node, u));
  const sequential = approval?.order === 'sequential';
  return { seats: users.map((user, i) => ({ user, status: sequential && i > 0 ? 'queued' : 'open', extra: false })), path };
}

/**
 * Opens the task of a human step for a token: seats from the assignees as they resolve now, SLA
 * timers from the node's settings, an inbox notice to whoever it waits for. `resubmit` is the
 * initiator correcting the record after a return to the start.
 */
export function openTask(run: Run, token: FlowToken, node: FlowNode, kind: TaskKind): FlowTask {
  const { seats, path } = seatsFor(run, node, kind);
  if (seats.length === 0) throw new TrellisError([flowProblems.noAssignees(path)]);
  const approval = kind === 'approval' ? settingsOf<FlowApprovalSettings>(node) : undefined;
  const id = run.nextId('t');
  const sla = kind === 'resubmit' ? undefined : slaOf(node);
  const calendar = run.ctx.calendar;
  const remindAt = sla?.remindAfter === undefined ? undefined : addDuration(run.now, sla.remindAfter, calendar);
  const escalateAt = sla?.escalateAfter === undefined ? undefined : addDuration(run.now, sla.escalateAfter, calendar);
  const task: FlowTask = {
    id, node: node.id, token: token.id, kind, status: 'open',
    mode: approval?.mode ?? 'any',
    ...(approval?.ratio === undefined ? {} : { ratio: approval.ratio }),
    order: approval?.order ?? 'parallel',
    seats, openedAt: run.now,
    ...(remindAt === undefined ? {} : { remindAt }),
    ...(escalateAt === undefined ? {} : { escalateAt }),
  };
  run.putTask(task);
  if (remindAt !== undefined) run.addTimer({ id: `${id}.reminder`, kind: 'reminder', fireAt: remindAt, task: id });
  if (escalateAt !== undefined) run.addTimer({ id: `${id}.escalation`, kind: 'escalation', fireAt: escalateAt, task: id });
  run.log({ actor: SYSTEM_ACTOR, action: 'task_opened', node: node.id, task: id, data: { kind, assignees: seats.map((s) => s.user) } });
  run.notify('inbox', openUsers(task), 'task_assigned', node.id, { taskId: id });
  return task;
}

/** Closes a task: what was still waiting is skipped and its timers are cancelled. */
export function closeTask(run: Run, task: FlowTask, outcome: TaskOutcome): FlowTask {
  const closed: FlowTask = {
    ...task, status: 'closed', outcome, closedAt: run.now,
    seats: task.seats.map((s) => (isLive(s) ? { ...s, status: 'skipped' } : s)),
  };
  run.putTask(closed);
  for (const timer of run.timers.filter((t) => t.task === task.id)) run.cancelTimer(timer.id);
  return closed;
}

/**
 * Whether an approval is decided. Counted over the original seats (replacements stand in for whom
 * they replaced): `any` — the first decision; `all` — everyone approves, one rejection rejects;
 * `ratio` — ceil(ratio × seats) approvals, rejected once that is out of reach. Added approvers must
 * all approve as well: one of them rejecting rejects, and an approval waits for them.
 */
export function decide(task: FlowTask): 'approved' | 'rejected' | null {
  const base = task.seats.filter((s) => !s.extra && s.status !== 'replaced');
  const extras = task.seats.filter((s) => s.extra && s.status !== 'replaced');
  if (extras.some((s) => s.status === 'rejected')) return 'rejected';
  const approvals = base.filter((s) => s.status === 'approved').length;
  const rejections = base.filter((s) => s.status === 'rejected').length;
  const needed = task.mode === 'any' ? 1 : task.mode === 'all' ? base.length : Math.ceil((task.ratio ?? 1) * base.length);
  if (task.mode === 'any' && rejections > 0 && approvals === 0) return 'rejected';
  if (base.length - rejections < needed) return 'rejected';
  if (approvals >= needed) return extras.some(isLive) ? null : 'approved';
  return null;
}

export function withSeat(task: FlowTask, user: string, update: (seat: Seat) => Seat): FlowTask {
  let done = false;
  return {
    ...task,
    seats: task.seats.map((s) => {
      if (done || s.user !== user || !isLive(s)) return s;
      done = true;
      return update(s);
    }),
  };
}

/** After a decision that did not settle the task: open the next queued seat (sequential order). */
export function openNext(task: FlowTask): { task: FlowTask; opened: string | null } {
  if (task.seats.some((s) => s.status === 'open' || s.status === 'blocked')) return { task, opened: null };
  const next = task.seats.findIndex((s) => s.status === 'queued');
  if (next === -1) return { task, opened: null };
  const seats = task.seats.map((s, i) => (i === next ? { ...s, status: 'open' as const } : s));
  return { task: { ...task, seats }, opened: seats[next]?.user ?? null };
}
