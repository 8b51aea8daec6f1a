/**
 * The flow runtime's part of the storage port: instances (the engine's state as JSONB, with a
 * revision), their tasks as rows (inboxes, overdue lists), idempotency keys and inbox messages.
 * The server keeps task rows in step with the state in the same transaction as each transition.
 */
import type { JsonObject, LocalizedLabel } from './port.js';

export type FlowInstanceStatus = 'running' | 'completed' | 'withdrawn';

export interface FlowInstance {
  readonly id: string;
  readonly app: string;
  readonly flowId: string;
  /** the published version the instance runs (kept until an explicit migration) */
  readonly flowVersion: number;
  readonly entity: string;
  readonly recordId: string | null;
  readonly status: FlowInstanceStatus;
  readonly outcome: string | null;
  /** the engine's InstanceState */
  readonly state: JsonObject;
  /** records the instance created: derived key → record id */
  readonly createdRecords: Readonly<Record<string, string>>;
  /** 1 on start, +1 on every transition */
  readonly revision: number;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly endedAt: string | null;
  /** the earliest escalation time of its open tasks (overdue when past) */
  readonly dueAt: string | null;
}

export interface FlowInstanceCreate {
  readonly id: string;
  readonly app: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly entity: string;
  readonly recordId: string | null;
  readonly startedBy: string;
}

export interface FlowInstanceWrite {
  readonly status: FlowInstanceStatus;
  readonly outcome: string | null;
  readonly state: JsonObject;
  readonly createdRecords: Readonly<Record<string, string>>;
  readonly dueAt: string | null;
  readonly endedAt: string | null;
  readonly flowVersion?: number;
}

export interface FlowInstanceQuery {
  readonly app: string;
  readonly flowId?: string;
  readonly status?: FlowInstanceStatus;
  readonly recordId?: string;
  /** only running instances with a task past its escalation time at this instant */
  readonly overdueAt?: string;
  /** default 50, at most 500 */
  readonly limit?: number;
  readonly after?: string | null;
}

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

export interface FlowInstanceReader {
  get(id: string): Promise<FlowInstance | null>;
  /** newest first */
  list(query: FlowInstanceQuery): Promise<Page<FlowInstance>>;
}

export interface FlowInstanceRepository extends FlowInstanceReader {
  /** Inserts the instance with revision 1 and its first state. */
  create(input: FlowInstanceCreate & FlowInstanceWrite): Promise<FlowInstance>;
  /** Reads and locks the row until the transaction ends (serialises transitions of one instance). */
  lock(id: string): Promise<FlowInstance | null>;
  /** STORAGE_CONFLICT (path 'revision') when the stored revision is not `expectedRevision`. */
  update(input: { id: string; expectedRevision: number } & FlowInstanceWrite): Promise<FlowInstance>;
  /** ids of the running instances of a record */
  runningForRecord(recordId: string): Promise<string[]>;
}

export interface FlowTaskRow {
  /** the engine's task id ('<instance>.t3') */
  readonly id: string;
  readonly instanceId: string;
  readonly app: string;
  readonly flowId: string;
  readonly node: string;
  readonly label: LocalizedLabel;
  readonly kind: string;
  readonly status: 'open' | 'closed';
  readonly outcome: string | null;
  /** users holding an open seat */
  readonly assignees: string[];
  readonly entity: string;
  readonly recordId: string | null;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly remindAt: string | null;
  /** the escalation time (the SLA) */
  readonly dueAt: string | null;
}

export interface FlowTaskQuery {
  readonly app?: string;
  /** tasks where this user holds an open seat */
  readonly assignee?: string;
  readonly instanceId?: string;
  readonly flowId?: string;
  readonly status?: 'open' | 'closed';
  /** open tasks past their escalation time at this instant */
  readonly overdueAt?: string;
  readonly limit?: number;
  readonly after?: string | null;
}

export interface FlowTaskReader {
  get(id: string): Promise<FlowTaskRow | null>;
  /** oldest first (the longest waiting at the top of an inbox) */
  list(query: FlowTaskQuery): Promise<Page<FlowTaskRow>>;
}

export interface FlowTaskRepository extends FlowTaskReader {
  /** Inserts or replaces each task row (by id). */
  upsert(tasks: readonly FlowTaskRow[]): Promise<void>;
}

export interface IdempotentResult {
  readonly actor: string;
  readonly key: string;
  /** a hash of what was asked, so a key reused for another request is refused */
  readonly requestHash: string;
  readonly status: number;
  readonly response: JsonObject;
  readonly createdAt: string;
}

export interface IdempotencyReader {
  get(actor: string, key: string): Promise<IdempotentResult | null>;
}

export interface IdempotencyRepository extends IdempotencyReader {
  /** STORAGE_DUPLICATE (path 'key') when the actor already used the key. */
  put(input: Omit<IdempotentResult, 'createdAt'>): Promise<IdempotentResult>;
}

export interface InboxMessage {
  readonly id: string;
  /** the effect's delivery id: one message per delivery and recipient */
  readonly deliveryId: string;
  readonly recipient: string;
  readonly app: string;
  readonly instanceId: string | null;
  readonly taskId: string | null;
  readonly reason: string;
  readonly subject: LocalizedLabel | null;
  readonly message: LocalizedLabel | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface InboxQuery {
  readonly recipient: string;
  readonly unread?: boolean;
  readonly limit?: number;
  readonly after?: string | null;
}

export interface InboxReader {
  /** newest first */
  list(query: InboxQuery): Promise<Page<InboxMessage>>;
}

export interface InboxRepository extends InboxReader {
  /** Adds messages; a (delivery id, recipient) already there is skipped. Returns the added count. */
  add(messages: readonly Omit<InboxMessage, 'id' | 'createdAt' | 'readAt'>[]): Promise<number>;
  /** STORAGE_NOT_FOUND unless the message is the recipient's. */
  markRead(id: string, recipient: string): Promise<InboxMessage>;
}
