import type { FlowDefinition, FlowNode } from '@trellis/definitions';
import { TrellisError, isTrellisError, type LocalizedText, type Problem } from '@trellis/errors';
import { compileRule, type JsonValue, type Rule } from '@trellis/rules';
import { graphOf, type FlowGraph } from '../graph.js';
import { flowProblems } from '../problems.js';
import type {
  FieldChange, FlowEffect, FlowTask, FlowTimer, FlowToken, HistoryEntry, InstanceState, JoinProgress, RecordChange,
  RecordTarget, Transition, TransitionContext,
} from '../types.js';
import { getPath, setPath } from './record-path.js';
import { localDate } from './time.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Entry = Omit<HistoryEntry, 'seq' | 'at' | 'actor'> & { actor?: string };

/** How many automatic steps one transition may take before it is called a loop. */
export const STEP_LIMIT = 1_000;


/**
 * One transition in progress: a working copy of the state, the record as changed so far, and what
 * the transition produces. Everything is derived from the inputs, so the same inputs give the same
 * transition (ids included).
 */
export class Run {
  readonly graph: FlowGraph;
  readonly state: Mutable<InstanceState>;
  tokens: FlowToken[];
  tasks: FlowTask[];
  timers: FlowTimer[];
  joins: JoinProgress[];
  record: Record<string, JsonValue>;
  readonly queue: string[] = [];
  readonly effects: FlowEffect[] = [];
  readonly recordChanges: RecordChange[] = [];
  readonly events: HistoryEntry[] = [];
  steps = 0;

  constructor(flow: FlowDefinition, state: InstanceState, readonly ctx: TransitionContext) {
    this.graph = graphOf(flow);
    this.state = { ...state };
    this.tokens = [...state.tokens];
    this.tasks = [...state.tasks];
    this.timers = [...state.timers];
    this.joins = [...state.joins];
    this.record = { ...ctx.record };
  }

  get now(): string {
    return this.ctx.now;
  }

  /** A fresh derived id: `<instance>.<kind><n>`. */
  nextId(kind: string): string {
    this.state.seq += 1;
    return `${this.state.instanceId}.${kind}${this.state.seq}`;
  }

  node(id: string): FlowNode {
    const node = this.graph.nodes.get(id);
    if (node === undefined) throw new TrellisError([flowProblems.unknownNode('', id)]);
    return node;
  }

  nodePath(id: string): string {
    return `nodes.${this.graph.index.get(id) ?? id}`;
  }

  log(entry: Entry): void {
    this.state.seq += 1;
    const node = entry.node === undefined ? undefined : this.graph.nodes.get(entry.node);
    const full: HistoryEntry = {
      seq: this.state.seq,
      at: this.now,
      actor: this.ctx.actor,
      ...(node?.label === undefined ? {} : { nodeLabel: node.label }),
      ...entry,
    };
    this.events.push(full);
  }

  emit(effect: FlowEffect): void {
    this.effects.push(effect);
  }

  notify(channel: 'inbox' | 'email', recipients: readonly string[], reason: Extract<FlowEffect, { type: 'notify' }>['reason'], node: string, extra: { taskId?: string; subject?: LocalizedText; message?: LocalizedText } = {}): void {
    if (recipients.length === 0) return;
    this.emit({ type: 'notify', deliveryId: this.nextId('d'), channel, recipients: [...recipients], reason, node, ...extra });
  }

  /** The data rules read: the record as changed so far, plus the context keys. */
  ruleData(extra: Record<string, JsonValue> = {}): Record<string, JsonValue> {
    const user = this.ctx.directory.user(this.ctx.actor);
    return {
      ...this.record,
      $now: this.now,
      $today: localDate(this.now, this.ctx.calendar),
      $user: { id: this.ctx.actor, roles: [...(user?.roles ?? [])], partnerOrg: user?.partnerOrg ?? null },
      // the record's metadata, named as permission scopes name it
      $owner: this.state.recordOwner,
      $partnerOrg: this.state.recordOrg ?? null,
      $lookup: (this.ctx.lookups ?? {}) as unknown as JsonValue,
      ...extra,
    };
  }

  evaluate(rule: unknown, path: string, extra?: Record<string, JsonValue>): JsonValue {
    try {
      return compileRule(rule as Rule)(this.ruleData(extra));
    } catch (error) {
      if (!isTrellisError(error)) throw error;
      throw new TrellisError([flowProblems.ruleFailed(path, error.problems[0] as Problem)]);
    }
  }

  field(path: string): JsonValue {
    return getPath(this.record, path);
  }

  /** Sets fields of a record; on the flow's record the working copy follows, so later rules see the values. */
  change(target: RecordTarget, set: Readonly<Record<string, JsonValue>>, node: string): FieldChange[] {
    const entries = Object.entries(set);
    if (entries.length === 0) return [];
    const changes = entries.map(([field, to]) => ({ field, from: target.kind === 'flow' ? this.field(field) : null, to }));
    if (target.kind === 'flow') for (const [field, value] of entries) this.record = setPath(this.record, field, value);
    this.recordChanges.push({ op: 'update', target, set: { ...set }, node });
    return changes;
  }

  addTimer(timer: FlowTimer): void {
    this.timers.push(timer);
    this.emit({ type: 'create_timer', timerId: timer.id, kind: timer.kind, fireAt: timer.fireAt, ...(timer.task === undefined ? {} : { taskId: timer.task }) });
  }

  cancelTimer(id: string): void {
    if (!this.timers.some((t) => t.id === id)) return;
    this.timers = this.timers.filter((t) => t.id !== id);
    this.emit({ type: 'cancel_timer', timerId: id });
  }

  token(id: string): FlowToken | undefined {
    return this.tokens.find((t) => t.id === id);
  }

  putToken(token: FlowToken): void {
    const i = this.tokens.findIndex((t) => t.id === token.id);
    if (i === -1) this.tokens.push(token);
    else this.tokens[i] = token;
  }

  dropToken(id: string): void {
    this.tokens = this.tokens.filter((t) => t.id !== id);
  }

  putTask(task: FlowTask): void {
    const i = this.tasks.findIndex((t) => t.id === task.id);
    if (i === -1) this.tasks.push(task);
    else this.tasks[i] = task;
  }

  result(): Transition {
    const state: InstanceState = {
      ...this.state,
      tokens: this.tokens,
      tasks: this.tasks,
      timers: this.timers,
      joins: this.joins,
      history: [...this.state.history, ...this.events],
    };
    return { state, effects: this.effects, recordChanges: this.recordChanges, events: this.events };
  }
}
