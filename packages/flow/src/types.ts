import type { LocalizedText } from '@trellis/errors';
import type { JsonValue } from '@trellis/rules';

/** A person as the directory knows them; `attributes` are what assignee match rules read (e.g. regions). */
export interface DirectoryUser {
  readonly id: string;
  readonly roles: readonly string[];
  readonly manager: string | null;
  readonly partnerOrg: string | null;
  readonly attributes: Readonly<Record<string, JsonValue>>;
}

/**
 * Who is who, injected by the caller so the engine never queries anything. The server backs it
 * with its user tables; tests with an in-memory list.
 */
export interface Directory {
  user(id: string): DirectoryUser | null;
  usersWithRole(role: string): readonly DirectoryUser[];
  usersOfPartner(partnerOrg: string): readonly DirectoryUser[];
}

/** Working-day calendar: Monday to Friday minus `holidays`, in a fixed offset from UTC (China: 480). */
export interface WorkCalendar {
  readonly holidays?: readonly string[];
  readonly utcOffsetMinutes?: number;
}

export type JsonRecord = Readonly<Record<string, JsonValue>>;

/** What every transition is given: the engine has no clock, no ids and no data of its own. */
export interface TransitionContext {
  /** ISO 8601 date-time with offset */
  readonly now: string;
  /** user id of who acts; timers act as the system */
  readonly actor: string;
  /** the flow record's current values */
  readonly record: JsonRecord;
  readonly directory: Directory;
  readonly calendar?: WorkCalendar;
  /** results of the flow's lookups, by lookup id (`$lookup.<id>` in rules) */
  readonly lookups?: Readonly<Record<string, readonly JsonRecord[]>>;
}

export interface StartInput extends TransitionContext {
  readonly instanceId: string;
  /** the owner of the record (for `record_owner` / `owner_manager` assignees) */
  readonly recordOwner?: string | null;
  /** the partner organisation the record belongs to (`$partnerOrg` in rules) */
  readonly recordOrg?: string | null;
}

export const SYSTEM_ACTOR = '$system';

export type InstanceStatus = 'running' | 'completed' | 'withdrawn';

export interface ForkRef {
  readonly id: string;
  readonly split: string;
}

/** Where execution stands on one path. `trail`: the start and human steps passed since the last fork (return targets). */
export interface FlowToken {
  readonly id: string;
  readonly node: string;
  readonly forks: readonly ForkRef[];
  readonly trail: readonly string[];
  /** the wait timer holding it, if any */
  readonly timer?: string;
}

export type SeatStatus = 'open' | 'queued' | 'blocked' | 'approved' | 'rejected' | 'submitted' | 'skipped' | 'replaced';

/** One person's part of a task. `extra`: added by add-approver; `blockedBy`: waits for that added approver. */
export interface Seat {
  readonly user: string;
  readonly status: SeatStatus;
  readonly extra: boolean;
  readonly blockedBy?: string;
  readonly at?: string;
}

export type TaskKind = 'approval' | 'form' | 'resubmit';
export type ApprovalMode = 'any' | 'all' | 'ratio';
export type TaskOutcome = 'approved' | 'rejected' | 'returned' | 'submitted' | 'cancelled';

export interface FlowTask {
  readonly id: string;
  readonly node: string;
  readonly token: string;
  readonly kind: TaskKind;
  readonly status: 'open' | 'closed';
  readonly outcome?: TaskOutcome;
  readonly mode: ApprovalMode;
  readonly ratio?: number;
  readonly order: 'parallel' | 'sequential';
  readonly seats: readonly Seat[];
  readonly openedAt: string;
  readonly closedAt?: string;
  readonly remindAt?: string;
  readonly escalateAt?: string;
  readonly escalated?: boolean;
}

export type TimerKind = 'reminder' | 'escalation' | 'wait';

export interface FlowTimer {
  readonly id: string;
  readonly kind: TimerKind;
  readonly fireAt: string;
  readonly task?: string;
  readonly token?: string;
}

export interface JoinProgress {
  readonly fork: string;
  readonly join: string;
  readonly expected: number;
  readonly arrived: number;
}

/** A record the instance created, addressed by a derived key until the server knows its id. */
export interface CreatedRecord {
  readonly entity: string;
  readonly key: string;
}

export interface FieldChange {
  readonly field: string;
  readonly from: JsonValue;
  readonly to: JsonValue;
}

export type HistoryAction =
  | 'started' | 'task_opened' | 'approved' | 'rejected' | 'returned' | 'reassigned' | 'approver_added'
  | 'commented' | 'submitted' | 'withdrawn' | 'reminded' | 'escalated' | 'auto_approved' | 'computed'
  | 'branched' | 'notified' | 'waiting' | 'resumed' | 'record_changed' | 'completed';

export interface HistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: HistoryAction;
  readonly node?: string;
  readonly nodeLabel?: LocalizedText;
  readonly task?: string;
  readonly comment?: string;
  readonly changes?: readonly FieldChange[];
  readonly data?: Readonly<Record<string, JsonValue>>;
}

/** The whole of a running instance, plain JSON (stored as JSONB): the engine keeps nothing else. */
export interface InstanceState {
  readonly formatVersion: 1;
  readonly instanceId: string;
  readonly flowId: string;
  readonly status: InstanceStatus;
  readonly outcome?: string;
  readonly outcomeLabel?: LocalizedText;
  readonly startedAt: string;
  readonly startedBy: string;
  readonly recordOwner: string | null;
  /** absent in instances started before it was kept: read as null */
  readonly recordOrg?: string | null;
  readonly endedAt?: string;
  /** counter behind every derived id (tasks, tokens, timers, deliveries, record keys) */
  readonly seq: number;
  /** someone other than the system has decided something: withdrawal is over */
  readonly acted: boolean;
  readonly tokens: readonly FlowToken[];
  readonly tasks: readonly FlowTask[];
  readonly timers: readonly FlowTimer[];
  readonly joins: readonly JoinProgress[];
  readonly created: Readonly<Record<string, CreatedRecord>>;
  readonly history: readonly HistoryEntry[];
}

export type FlowAction =
  | { readonly type: 'approve'; readonly taskId: string; readonly comment?: string; readonly data?: JsonRecord }
  | { readonly type: 'reject'; readonly taskId: string; readonly comment?: string; readonly data?: JsonRecord }
  | { readonly type: 'return'; readonly taskId: string; readonly to?: string; readonly comment?: string }
  | { readonly type: 'reassign'; readonly taskId: string; readonly to: string; readonly comment?: string }
  | { readonly type: 'add_approver'; readonly taskId: string; readonly user: string; readonly position: 'before' | 'after'; readonly comment?: string }
  | { readonly type: 'comment'; readonly taskId?: string; readonly comment: string }
  | { readonly type: 'withdraw'; readonly comment?: string }
  | { readonly type: 'submit'; readonly taskId: string; readonly data: JsonRecord; readonly comment?: string }
  | { readonly type: 'timer_fired'; readonly timerId: string }
  | { readonly type: 'record_changed' };

/** Which record a change applies to: the flow's own, or one the instance created (by its derived key). */
export type RecordTarget = { readonly kind: 'flow' } | { readonly kind: 'created'; readonly entity: string; readonly key: string };

export type RecordChange =
  | { readonly op: 'update'; readonly target: RecordTarget; readonly set: JsonRecord; readonly node: string }
  | { readonly op: 'create'; readonly entity: string; readonly key: string; readonly values: JsonRecord; readonly node: string };

export type NotificationReason = 'task_assigned' | 'reminder' | 'escalation' | 'notify_node' | 'returned' | 'completed';

/** Side effects for the server to perform after the transaction commits (through its outbox). */
export type FlowEffect =
  | { readonly type: 'create_timer'; readonly timerId: string; readonly kind: TimerKind; readonly fireAt: string; readonly taskId?: string }
  | { readonly type: 'cancel_timer'; readonly timerId: string }
  | {
      readonly type: 'notify';
      readonly deliveryId: string;
      readonly channel: 'inbox' | 'email';
      readonly recipients: readonly string[];
      readonly reason: NotificationReason;
      readonly node: string;
      readonly taskId?: string;
      readonly subject?: LocalizedText;
      readonly message?: LocalizedText;
    }
  | {
      readonly type: 'webhook';
      readonly deliveryId: string;
      readonly url: string;
      readonly secretRef: string;
      readonly event: string;
      readonly node: string;
      readonly payload: Readonly<Record<string, JsonValue>>;
    };

export interface Transition {
  readonly state: InstanceState;
  readonly effects: readonly FlowEffect[];
  readonly recordChanges: readonly RecordChange[];
  /** the history entries this transition added (the audit entries) */
  readonly events: readonly HistoryEntry[];
}
