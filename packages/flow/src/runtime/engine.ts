import type { FlowDefinition, FlowStartSettings } from '@trellis/definitions';
import { fail, isTrellisError, ok, TrellisError, type Result } from '@trellis/errors';
import { settingsOf, graphOf } from '../graph.js';
import { flowProblems } from '../problems.js';
import type { FlowAction, InstanceState, JsonRecord, StartInput, Transition, TransitionContext } from '../types.js';
import { applyTaskAction } from './actions.js';
import { drain } from './advance.js';
import { getPath } from './record-path.js';
import { Run } from './run.js';
import { assertRunning, fireTimer, recordChanged } from './timers.js';

function attempt(work: () => Transition): Result<Transition> {
  try {
    return ok(work());
  } catch (error) {
    if (isTrellisError(error)) return fail(error.problems);
    throw error;
  }
}

/**
 * Starts an instance of a (validated) flow: the start node's path runs until it reaches people,
 * timers or an end. Pure: the id, the time, the record and the directory all come in.
 */
export function startInstance(flow: FlowDefinition, input: StartInput): Result<Transition> {
  return attempt(() => {
    const start = graphOf(flow).start;
    if (start === undefined) throw new TrellisError([flowProblems.noStart()]);
    const state: InstanceState = {
      formatVersion: 1, instanceId: input.instanceId, flowId: flow.id, status: 'running',
      startedAt: input.now, startedBy: input.actor, recordOwner: input.recordOwner ?? null, recordOrg: input.recordOrg ?? null,
      seq: 0, acted: false, tokens: [], tasks: [], timers: [], joins: [], created: {}, history: [],
    };
    const run = new Run(flow, state, input);
    const trigger = settingsOf<FlowStartSettings>(start).trigger;
    run.log({ action: 'started', node: start.id, data: { trigger: trigger.on } });
    const token = { id: run.nextId('k'), node: start.id, forks: [], trail: [start.id] };
    run.putToken(token);
    run.queue.push(token.id);
    drain(run);
    return run.result();
  });
}

/**
 * One action on a running instance → the next state, the effects to perform after commit, the
 * record changes to write in the same transaction, and the history entries added. Problems (an
 * action on a closed task, by someone not assigned…) leave the state untouched.
 */
export function applyAction(flow: FlowDefinition, state: InstanceState, action: FlowAction, ctx: TransitionContext): Result<Transition> {
  return attempt(() => {
    const run = new Run(flow, state, ctx);
    assertRunning(run);
    if (action.type === 'timer_fired') fireTimer(run, action.timerId);
    else if (action.type === 'record_changed') recordChanged(run);
    else applyTaskAction(run, action);
    drain(run);
    return run.result();
  });
}

/** A record event, for deciding whether a flow's start trigger fires on it. */
export interface RecordEvent {
  readonly kind: 'created' | 'updated';
  readonly before: JsonRecord | null;
  readonly after: JsonRecord;
}

/**
 * Whether a write of this kind can start the flow at all, before its fields and `when` are looked
 * at: a caller may skip triggerFires (and what it needs) when it cannot. True for a flow without a
 * start, so triggerFires reports the problem.
 */
export function mayStartOn(flow: FlowDefinition, kind: RecordEvent['kind']): boolean {
  const start = graphOf(flow).start;
  if (start === undefined) return true;
  return settingsOf<FlowStartSettings>(start).trigger.on === (kind === 'created' ? 'record_created' : 'field_change');
}

/**
 * Whether a record created or updated starts the flow (its trigger is `record_created`, or
 * `field_change` with one of its fields changed), and its `when` rule, if any, holds over the new
 * record. Manual and scheduled starts are the server's to decide.
 */
export function triggerFires(flow: FlowDefinition, event: RecordEvent, ctx: TransitionContext): Result<boolean> {
  const start = graphOf(flow).start;
  if (start === undefined) return fail([flowProblems.noStart()]);
  const trigger = settingsOf<FlowStartSettings>(start).trigger;
  const matches = mayStartOn(flow, event.kind) &&
    (trigger.on !== 'field_change' || trigger.fields.some((f) => JSON.stringify(getPath(event.before ?? {}, f)) !== JSON.stringify(getPath(event.after, f))));
  if (!matches) return ok(false);
  const when = trigger.on === 'record_created' || trigger.on === 'field_change' ? trigger.when : undefined;
  if (when === undefined) return ok(true);
  const run = new Run(flow, emptyState(flow), { ...ctx, record: event.after });
  try {
    return ok(Boolean(run.evaluate(when, `${run.nodePath(start.id)}.settings.trigger.when`)));
  } catch (error) {
    if (isTrellisError(error)) return fail(error.problems);
    throw error;
  }
}

function emptyState(flow: FlowDefinition): InstanceState {
  return {
    formatVersion: 1, instanceId: '', flowId: flow.id, status: 'running', startedAt: '', startedBy: '', recordOwner: null,
    seq: 0, acted: false, tokens: [], tasks: [], timers: [], joins: [], created: {}, history: [],
  };
}
