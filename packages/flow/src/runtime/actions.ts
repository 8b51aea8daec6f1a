import type { FlowApprovalSettings, FlowFormTaskSettings } from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import type { JsonValue } from '@trellis/rules';
import { settingsOf } from '../graph.js';
import { flowProblems } from '../problems.js';
import { SYSTEM_ACTOR, type FlowAction, type FlowTask, type JsonRecord, type Seat } from '../types.js';
import { follow } from './advance.js';
import type { Run } from './run.js';
import { closeTask, decide, isLive, mayHold, openNext, openTask, withSeat } from './tasks.js';

type TaskAction = Extract<FlowAction, { taskId: string }>;

/** The task an action names, open, with the actor holding an open seat on it (the system always may). */
export function actionableTask(run: Run, taskId: string): FlowTask {
  const task = run.tasks.find((t) => t.id === taskId);
  if (task === undefined) throw new TrellisError([flowProblems.taskNotFound(taskId)]);
  if (task.status !== 'open') throw new TrellisError([flowProblems.taskClosed(taskId)]);
  const actor = run.ctx.actor;
  if (actor !== SYSTEM_ACTOR && !task.seats.some((s) => s.user === actor && s.status === 'open')) {
    throw new TrellisError([flowProblems.notAssignee(taskId, actor)]);
  }
  return task;
}

function requireKind(task: FlowTask, action: FlowAction['type'], kinds: readonly FlowTask['kind'][]): void {
  if (!kinds.includes(task.kind)) throw new TrellisError([flowProblems.wrongTaskKind(task.id, action)]);
}

/** Field values a person sends with a decision: only the fields the step lets them edit. */
function editableChanges(data: JsonRecord | undefined, fields: readonly string[] | undefined): JsonRecord {
  if (data === undefined) return {};
  for (const field of Object.keys(data)) {
    const allowed = fields === undefined || fields.some((f) => field === f || field.startsWith(`${f}.`));
    if (!allowed) throw new TrellisError([flowProblems.fieldNotEditable(`data.${field}`, field)]);
  }
  return data;
}

function comment(action: { comment?: string }): { comment?: string } {
  return action.comment === undefined ? {} : { comment: action.comment };
}

function unblock(seat: Seat): Seat {
  const { blockedBy: _done, ...rest } = seat;
  return { ...rest, status: 'open' };
}

/** Closes a decided approval and moves its token on the matching port. */
function settle(run: Run, task: FlowTask): void {
  const outcome = decide(task);
  if (outcome === null) {
    const { task: next, opened } = openNext(task);
    run.putTask(next);
    if (opened !== null) run.notify('inbox', [opened], 'task_assigned', task.node, { taskId: task.id });
    return;
  }
  closeTask(run, task, outcome);
  const token = run.token(task.token);
  if (token !== undefined) follow(run, token, outcome);
}

function decideTask(run: Run, action: Extract<FlowAction, { type: 'approve' | 'reject' }>, auto = false): void {
  const task = actionableTask(run, action.taskId);
  requireKind(task, action.type, ['approval']);
  const node = run.node(task.node);
  const verdict: 'approved' | 'rejected' = action.type === 'approve' ? 'approved' : 'rejected';
  // a decision may carry values of the fields the step lets approvers edit (a review comment…)
  const changes = run.change({ kind: 'flow' }, editableChanges(action.data, settingsOf<FlowApprovalSettings>(node).fields ?? []), node.id);
  const actor = run.ctx.actor;
  // the system (auto-approve) decides for every open seat at once
  const decided = actor === SYSTEM_ACTOR
    ? { ...task, seats: task.seats.map((s) => (isLive(s) && !s.extra ? { ...s, status: verdict, at: run.now } : s.extra && isLive(s) ? { ...s, status: 'skipped' as const } : s)) }
    : withSeat(task, actor, (s) => ({ ...s, status: verdict, at: run.now }));
  // whoever waited for this (added) approver may act again
  const unblocked = { ...decided, seats: decided.seats.map((s) => (s.status === 'blocked' && s.blockedBy === actor ? unblock(s) : s)) };
  if (actor !== SYSTEM_ACTOR) run.state.acted = true;
  run.log({ action: auto ? 'auto_approved' : verdict, node: node.id, task: task.id, ...comment(action), ...(changes.length === 0 ? {} : { changes }) });
  settle(run, unblocked);
}

/** The latest earlier step of the token's path, or the one named; the start reopens as a resubmission. */
export function returnTask(run: Run, task: FlowTask, to: string | undefined, note: { comment?: string }): void {
  const token = run.token(task.token);
  if (token === undefined) throw new TrellisError([flowProblems.taskClosed(task.id)]);
  const earlier = token.trail.slice(0, token.trail.lastIndexOf(task.node));
  const target = to ?? earlier.at(-1);
  if (target === undefined) throw new TrellisError([flowProblems.noReturnTarget()]);
  const at = earlier.lastIndexOf(target);
  if (at === -1) throw new TrellisError([flowProblems.returnTarget(target)]);
  closeTask(run, task, 'returned');
  if (run.ctx.actor !== SYSTEM_ACTOR) run.state.acted = true;
  run.log({ action: 'returned', node: task.node, task: task.id, data: { to: target }, ...note });
  const back = { ...token, node: target, trail: earlier.slice(0, at + 1) };
  run.putToken(back);
  const node = run.node(target);
  if (node.type === 'start') openTask(run, back, node, 'resubmit');
  else openTask(run, back, node, node.type === 'approval' ? 'approval' : 'form');
}

function submit(run: Run, action: Extract<FlowAction, { type: 'submit' }>): void {
  const task = actionableTask(run, action.taskId);
  requireKind(task, 'submit', ['form', 'resubmit']);
  const node = run.node(task.node);
  const s = task.kind === 'form' ? settingsOf<FlowFormTaskSettings>(node) : undefined;
  let changes: ReturnType<Run['change']> = [];
  let data: Record<string, JsonValue> | undefined;
  const made = run.state.created[node.id];
  if (s?.mode === 'create' && made !== undefined) {
    // returned to and submitted again: the record exists, so it is corrected, not made twice
    changes = run.change({ kind: 'created', entity: made.entity, key: made.key }, editableChanges(action.data, s.fields), node.id);
  } else if (s?.mode === 'create') {
    const key = run.nextId('r');
    const linked = Object.fromEntries(Object.entries(s.link ?? {}).map(([theirs, ours]) => [theirs, run.field(ours)]));
    const values = { ...linked, ...editableChanges(action.data, s.fields) };
    run.recordChanges.push({ op: 'create', entity: s.form, key, values, node: node.id });
    run.state.created = { ...run.state.created, [node.id]: { entity: s.form, key } };
    data = { created: s.form, key, values };
  } else {
    changes = run.change({ kind: 'flow' }, editableChanges(action.data, s?.fields), node.id);
  }
  const closed = closeTask(run, withSeat(task, run.ctx.actor, (seat) => ({ ...seat, status: 'submitted', at: run.now })), 'submitted');
  run.state.acted = true;
  run.log({ action: 'submitted', node: node.id, task: task.id, ...comment(action), ...(changes.length === 0 ? {} : { changes }), ...(data === undefined ? {} : { data }) });
  const token = run.token(closed.token);
  if (token !== undefined) follow(run, token, 'out');
}

function reassign(run: Run, action: Extract<FlowAction, { type: 'reassign' }>): void {
  const task = actionableTask(run, action.taskId);
  const target = requireUser(run, action.to, 'to', task);
  const seats = task.seats.flatMap((s) => (s.user === run.ctx.actor && s.status === 'open' ? [{ ...s, status: 'replaced' as const, at: run.now }, { user: target, status: 'open' as const, extra: s.extra }] : [s]));
  run.putTask({ ...task, seats });
  run.log({ action: 'reassigned', node: task.node, task: task.id, data: { from: run.ctx.actor, to: target }, ...comment(action) });
  run.notify('inbox', [target], 'task_assigned', task.node, { taskId: task.id });
}

/** A user who may be given a part of the task: known, not holding one already, not the initiator where the step excludes them. */
function requireUser(run: Run, user: string, path: string, task: FlowTask): string {
  if (run.ctx.directory.user(user) === null) throw new TrellisError([flowProblems.unknownUser(path, user)]);
  if (!mayHold(run, run.node(task.node), user)) throw new TrellisError([flowProblems.initiatorExcluded(path, user)]);
  if (task.seats.some((s) => s.user === user && isLive(s))) throw new TrellisError([flowProblems.alreadyAssigned(path, user)]);
  return user;
}

/**
 * Adds an approver: `before` — the newcomer decides first and the actor's part waits for them;
 * `after` — the actor approves now and the newcomer must approve too before the step can pass.
 */
function addApprover(run: Run, action: Extract<FlowAction, { type: 'add_approver' }>): void {
  const task = actionableTask(run, action.taskId);
  requireKind(task, 'add_approver', ['approval']);
  const user = requireUser(run, action.user, 'user', task);
  const actor = run.ctx.actor;
  const seats = task.seats.flatMap((s) => {
    if (s.user !== actor || s.status !== 'open') return [s];
    const added = { user, status: 'open' as const, extra: true };
    return action.position === 'before'
      ? [added, { ...s, status: 'blocked' as const, blockedBy: user }]
      : [{ ...s, status: 'approved' as const, at: run.now }, added];
  });
  run.log({ action: 'approver_added', node: task.node, task: task.id, data: { user, position: action.position }, ...comment(action) });
  run.notify('inbox', [user], 'task_assigned', task.node, { taskId: task.id });
  if (action.position === 'after') {
    run.state.acted = true;
    settle(run, { ...task, seats });
  } else {
    run.putTask({ ...task, seats });
  }
}

function commentOn(run: Run, action: Extract<FlowAction, { type: 'comment' }>): void {
  const actor = run.ctx.actor;
  const task = action.taskId === undefined ? undefined : run.tasks.find((t) => t.id === action.taskId);
  if (action.taskId !== undefined && task === undefined) throw new TrellisError([flowProblems.taskNotFound(action.taskId)]);
  const involved = actor === run.state.startedBy || run.tasks.some((t) => (task === undefined || t === task) && t.seats.some((s) => s.user === actor));
  if (!involved) throw new TrellisError([flowProblems.notAssignee(action.taskId ?? '', actor)]);
  run.log({ action: 'commented', comment: action.comment, ...(task === undefined ? {} : { node: task.node, task: task.id }) });
}

function withdraw(run: Run, action: Extract<FlowAction, { type: 'withdraw' }>): void {
  if (run.ctx.actor !== run.state.startedBy) throw new TrellisError([flowProblems.notInitiator()]);
  if (run.state.acted) throw new TrellisError([flowProblems.withdrawTooLate()]);
  for (const task of run.tasks.filter((t) => t.status === 'open')) closeTask(run, task, 'cancelled');
  for (const timer of [...run.timers]) run.cancelTimer(timer.id);
  run.tokens = [];
  run.joins = [];
  run.state.status = 'withdrawn';
  run.state.endedAt = run.now;
  run.log({ action: 'withdrawn', ...comment(action) });
}

/** The person-made actions; timers and record changes are in timers.ts. */
export function applyTaskAction(run: Run, action: TaskAction | Extract<FlowAction, { type: 'comment' | 'withdraw' }>): void {
  switch (action.type) {
    case 'approve':
    case 'reject':
      return decideTask(run, action);
    case 'return': {
      const task = actionableTask(run, action.taskId);
      requireKind(task, 'return', ['approval', 'form']);
      return returnTask(run, task, action.to, comment(action));
    }
    case 'reassign':
      return reassign(run, action);
    case 'add_approver':
      return addApprover(run, action);
    case 'submit':
      return submit(run, action);
    case 'comment':
      return commentOn(run, action);
    case 'withdraw':
      return withdraw(run, action);
  }
}

export { decideTask };
