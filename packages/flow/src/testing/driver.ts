import type { FlowDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { applyAction, startInstance } from '../runtime/engine.js';
import type {
  Directory, FlowAction, FlowEffect, InstanceState, JsonRecord, RecordChange, WorkCalendar,
} from '../types.js';
import { SYSTEM_ACTOR } from '../types.js';
import { setPath } from '../runtime/record-path.js';
import type { JsonValue } from '@trellis/rules';

/**
 * Drives one instance through the pure engine the way the server will: applies record changes to
 * an in-memory copy of the record, keeps every effect, and fires timers by id. State goes through
 * JSON on every step, as it would through a JSONB column.
 */
export class FlowDriver {
  state: InstanceState;
  record: Record<string, JsonValue>;
  readonly created = new Map<string, { entity: string; values: Record<string, JsonValue> }>();
  readonly effects: FlowEffect[] = [];
  readonly changes: RecordChange[] = [];
  lookups: Record<string, readonly JsonRecord[]> = {};

  private constructor(
    readonly flow: FlowDefinition,
    state: InstanceState,
    record: Record<string, JsonValue>,
    readonly directory: Directory,
    readonly calendar: WorkCalendar | undefined,
  ) {
    this.state = state;
    this.record = record;
  }

  static start(flow: FlowDefinition, options: {
    record: JsonRecord; actor: string; now: string; directory: Directory; instanceId?: string;
    recordOwner?: string; recordOrg?: string; calendar?: WorkCalendar; lookups?: Record<string, readonly JsonRecord[]>;
  }): FlowDriver {
    const started = startInstance(flow, {
      instanceId: options.instanceId ?? 'i1', now: options.now, actor: options.actor, record: options.record,
      directory: options.directory, recordOwner: options.recordOwner ?? options.actor, recordOrg: options.recordOrg ?? null,
      ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
      ...(options.lookups === undefined ? {} : { lookups: options.lookups }),
    });
    if (!started.ok) throw new Error(`start failed: ${JSON.stringify(started.problems)}`);
    const driver = new FlowDriver(flow, started.value.state, { ...options.record }, options.directory, options.calendar);
    driver.lookups = options.lookups ?? {};
    driver.absorb(started.value);
    return driver;
  }

  private absorb(t: { state: InstanceState; effects: readonly FlowEffect[]; recordChanges: readonly RecordChange[] }): void {
    this.state = JSON.parse(JSON.stringify(t.state)) as InstanceState;
    this.effects.push(...t.effects);
    this.changes.push(...t.recordChanges);
    for (const change of t.recordChanges) {
      if (change.op === 'create') this.created.set(change.key, { entity: change.entity, values: { ...change.values } });
      else if (change.target.kind === 'flow') for (const [k, v] of Object.entries(change.set)) this.record = setPath(this.record, k, v);
      else {
        const made = this.created.get(change.target.key);
        if (made !== undefined) Object.assign(made.values, change.set);
      }
    }
  }

  /** Applies an action; returns the problems instead of throwing when it is refused. */
  tryAct(actor: string, action: FlowAction, now: string): readonly Problem[] {
    const result = applyAction(this.flow, this.state, action, {
      now, actor, record: this.record, directory: this.directory, lookups: this.lookups,
      ...(this.calendar === undefined ? {} : { calendar: this.calendar }),
    });
    if (!result.ok) return result.problems;
    this.absorb(result.value);
    return [];
  }

  act(actor: string, action: FlowAction, now: string): this {
    const problems = this.tryAct(actor, action, now);
    if (problems.length > 0) throw new Error(`${action.type} by ${actor} refused: ${problems.map((p) => `${p.code} ${p.path}`).join(', ')}`);
    return this;
  }

  /** The open task at a node (the latest). */
  task(node: string): InstanceState['tasks'][number] {
    const task = [...this.state.tasks].reverse().find((t) => t.node === node && t.status === 'open');
    if (task === undefined) throw new Error(`no open task at ${node}; open: ${this.openNodes().join(', ')}`);
    return task;
  }

  openNodes(): string[] {
    return this.state.tasks.filter((t) => t.status === 'open').map((t) => t.node);
  }

  /** Fires the state's timer of a kind (for a task node or a wait), as the server's timer loop would. */
  fire(kind: 'reminder' | 'escalation' | 'wait', at?: string): this {
    const timer = this.state.timers.find((t) => t.kind === kind);
    if (timer === undefined) throw new Error(`no ${kind} timer`);
    return this.act(SYSTEM_ACTOR, { type: 'timer_fired', timerId: timer.id }, at ?? timer.fireAt);
  }

  notifications(reason?: string): Extract<FlowEffect, { type: 'notify' }>[] {
    return this.effects.filter((e): e is Extract<FlowEffect, { type: 'notify' }> => e.type === 'notify' && (reason === undefined || e.reason === reason));
  }
}

