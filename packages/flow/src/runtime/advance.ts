import type {
  FlowAssignment, FlowComputeSettings, FlowEndSettings, FlowNode, FlowNotifySettings, FlowParallelJoinSettings, FlowWaitSettings,
} from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import type { JsonValue } from '@trellis/rules';
import { edgesFrom, settingsOf } from '../graph.js';
import { flowProblems } from '../problems.js';
import { SYSTEM_ACTOR, type FlowToken, type RecordTarget } from '../types.js';
import { resolveAssignees } from './assignees.js';
import { getPath, setPath } from './record-path.js';
import { STEP_LIMIT, type Run } from './run.js';
import { fillTemplate } from './template.js';
import { closeTask, openTask } from './tasks.js';
import { addDuration, instantOf, isAfter } from './time.js';

/** Moves a token along the single edge of a port and queues it to run there. */
export function follow(run: Run, token: FlowToken, port: string): void {
  const edge = edgesFrom(run.graph, token.node, port)[0];
  if (edge === undefined) throw new TrellisError([flowProblems.portUnconnected(run.nodePath(token.node), port)]);
  moveTo(run, token, edge.target);
}

export function moveTo(run: Run, token: FlowToken, node: string): void {
  run.putToken({ id: token.id, node, forks: token.forks, trail: token.trail });
  run.queue.push(token.id);
}

/** An assignment's value: its rule's, or its filled template; appended to the current list when asked. */
function assignmentValue(run: Run, a: FlowAssignment, path: string, current: JsonValue): JsonValue {
  const value = a.rule !== undefined
    ? run.evaluate(a.rule, `${path}.rule`)
    : fillTemplate((a.template ?? null) as JsonValue, `${path}.template`, (rule, at) => run.evaluate(rule, at));
  if (a.append !== true) return value;
  return [...(Array.isArray(current) ? current : []), value];
}

function compute(run: Run, token: FlowToken, node: FlowNode): void {
  const s = settingsOf<FlowComputeSettings>(node);
  const at = `${run.nodePath(node.id)}.settings.assignments`;
  const target = s.target ?? { kind: 'record' };
  if (target.kind === 'create') {
    let values: Record<string, JsonValue> = {};
    s.assignments.forEach((a, i) => {
      const value = assignmentValue(run, a, `${at}.${i}`, getPath(values, a.field));
      // a new record has no field rather than a null one (a missing optional source field stays missing)
      if (value !== null) values = setPath(values, a.field, value);
    });
    const key = run.nextId('r');
    run.recordChanges.push({ op: 'create', entity: target.entity, key, values, node: node.id });
    run.state.created = { ...run.state.created, [node.id]: { entity: target.entity, key } };
    run.log({ actor: SYSTEM_ACTOR, action: 'computed', node: node.id, data: { created: target.entity, key, values } });
  } else {
    const made = target.kind === 'node' ? run.state.created[target.node] : undefined;
    const recordTarget: RecordTarget = made === undefined ? { kind: 'flow' } : { kind: 'created', entity: made.entity, key: made.key };
    // a created record's current values are the server's: appending there starts from an empty list
    const current = (field: string): JsonValue => (made === undefined ? run.field(field) : null);
    const changes = s.assignments.flatMap((a, i) => run.change(recordTarget, { [a.field]: assignmentValue(run, a, `${at}.${i}`, current(a.field)) }, node.id));
    run.log({ actor: SYSTEM_ACTOR, action: 'computed', node: node.id, changes, ...(made === undefined ? {} : { data: { target: made.key } }) });
  }
  follow(run, token, 'out');
}

function branch(run: Run, token: FlowToken, node: FlowNode): void {
  const edges = edgesFrom(run.graph, node.id);
  const at = (i: number): string => `edges.${run.graph.flow.edges.indexOf(edges[i] as never)}.condition`;
  const chosen = edges.find((e, i) => e.isDefault !== true && e.condition !== undefined && Boolean(run.evaluate(e.condition, at(i))))
    ?? edges.find((e) => e.isDefault === true);
  if (chosen === undefined) throw new TrellisError([flowProblems.conditionNoDefault(run.nodePath(node.id))]);
  run.log({ actor: SYSTEM_ACTOR, action: 'branched', node: node.id, data: { edge: chosen.id } });
  moveTo(run, token, chosen.target);
}

function notify(run: Run, token: FlowToken, node: FlowNode): void {
  const s = settingsOf<FlowNotifySettings>(node);
  if (s.channel === 'webhook') {
    run.emit({
      type: 'webhook', deliveryId: run.nextId('d'), url: s.url, secretRef: s.secretRef, event: s.event ?? `flow.${run.state.flowId}.${node.id}`,
      node: node.id,
      payload: { instanceId: run.state.instanceId, flowId: run.state.flowId, node: node.id, at: run.now, record: run.record },
    });
  } else {
    const recipients = resolveAssignees(run, s.to, `${run.nodePath(node.id)}.settings.to`);
    run.notify(s.channel, recipients, 'notify_node', node.id, { message: s.message, ...(s.channel === 'email' ? { subject: s.subject } : {}) });
  }
  run.log({ actor: SYSTEM_ACTOR, action: 'notified', node: node.id, data: { channel: s.channel } });
  follow(run, token, 'out');
}

/** When a wait node lets its token go: null means at once (the date has passed or the field is empty). */
export function waitUntil(run: Run, node: FlowNode): string | null {
  const s = settingsOf<FlowWaitSettings>(node);
  const until = s.until === 'elapsed' ? addDuration(run.now, s.duration, run.ctx.calendar) : instantOf(run.field(s.field), run.ctx.calendar);
  return until !== null && isAfter(until, run.now) ? until : null;
}

function wait(run: Run, token: FlowToken, node: FlowNode): void {
  const until = waitUntil(run, node);
  if (until === null) {
    follow(run, token, 'out');
    return;
  }
  const timer = run.nextId('w');
  run.addTimer({ id: timer, kind: 'wait', fireAt: until, token: token.id });
  run.putToken({ ...token, timer });
  run.log({ actor: SYSTEM_ACTOR, action: 'waiting', node: node.id, data: { until } });
}

function split(run: Run, token: FlowToken, node: FlowNode): void {
  const edges = edgesFrom(run.graph, node.id).filter((e, i) => e.condition === undefined || Boolean(run.evaluate(e.condition, `${run.nodePath(node.id)}.out.${i}`)));
  const join = run.graph.flow.nodes.find((n) => n.type === 'parallel_join' && settingsOf<FlowParallelJoinSettings>(n).split === node.id);
  if (join === undefined) throw new TrellisError([flowProblems.splitJoins(run.nodePath(node.id), 0)]);
  run.dropToken(token.id);
  if (edges.length === 0) {
    // every branch condition failed: straight on past the join
    const past: FlowToken = { id: run.nextId('k'), node: join.id, forks: token.forks, trail: [] };
    run.putToken(past);
    follow(run, past, 'out');
    return;
  }
  const fork = { id: run.nextId('f'), split: node.id };
  run.joins.push({ fork: fork.id, join: join.id, expected: edges.length, arrived: 0 });
  for (const edge of edges) {
    const branchToken: FlowToken = { id: run.nextId('k'), node: edge.target, forks: [...token.forks, fork], trail: [] };
    run.putToken(branchToken);
    run.queue.push(branchToken.id);
  }
}

function join(run: Run, token: FlowToken, node: FlowNode): void {
  const fork = token.forks.at(-1);
  const progress = run.joins.find((j) => j.fork === fork?.id && j.join === node.id);
  if (fork === undefined || progress === undefined) throw new TrellisError([flowProblems.joinUnknownSplit(run.nodePath(node.id), fork?.split ?? '')]);
  const arrived = progress.arrived + 1;
  run.dropToken(token.id);
  if (arrived < progress.expected) {
    run.joins = run.joins.map((j) => (j === progress ? { ...j, arrived } : j));
    return;
  }
  run.joins = run.joins.filter((j) => j !== progress);
  const merged: FlowToken = { id: run.nextId('k'), node: node.id, forks: token.forks.slice(0, -1), trail: [] };
  run.putToken(merged);
  follow(run, merged, 'out');
}

/** Ends the instance: every other path, task and timer stops. */
export function complete(run: Run, node: FlowNode): void {
  const s = settingsOf<FlowEndSettings>(node);
  for (const task of run.tasks.filter((t) => t.status === 'open')) closeTask(run, task, 'cancelled');
  for (const timer of [...run.timers]) run.cancelTimer(timer.id);
  run.tokens = [];
  run.joins = [];
  run.queue.length = 0;
  run.state.status = 'completed';
  run.state.outcome = s.outcome;
  run.state.outcomeLabel = s.label ?? node.label ?? { 'zh-CN': s.outcome, en: s.outcome };
  run.state.endedAt = run.now;
  run.log({ actor: SYSTEM_ACTOR, action: 'completed', node: node.id, data: { outcome: s.outcome } });
  run.notify('inbox', [run.state.startedBy], 'completed', node.id);
}

function step(run: Run, token: FlowToken): void {
  const node = run.node(token.node);
  switch (node.type) {
    case 'start':
      return follow(run, token, 'out');
    case 'approval':
    case 'form_task':
      run.putToken({ ...token, trail: [...token.trail, node.id] });
      openTask(run, { ...token, trail: [...token.trail, node.id] }, node, node.type === 'approval' ? 'approval' : 'form');
      return;
    case 'condition':
      return branch(run, token, node);
    case 'compute':
      return compute(run, token, node);
    case 'notify':
      return notify(run, token, node);
    case 'wait':
      return wait(run, token, node);
    case 'parallel_split':
      return split(run, token, node);
    case 'parallel_join':
      return join(run, token, node);
    case 'end':
      return complete(run, node);
  }
}

/** Runs queued tokens until each waits for a person, a timer or a join, or the instance ends. */
export function drain(run: Run): void {
  for (let id = run.queue.shift(); id !== undefined; id = run.queue.shift()) {
    const token = run.token(id);
    if (token === undefined) continue;
    run.steps += 1;
    if (run.steps > STEP_LIMIT) throw new TrellisError([flowProblems.stepLimit(STEP_LIMIT)]);
    step(run, token);
  }
}
