/** JSON Schemas of the flow and task routes (the OpenAPI document is generated from them). */
import { localizedTextSchema } from '../../http/schemas.js';

export const FLOW_TAG = 'flows';
export const TASK_TAG = 'tasks';

const openObject = { type: 'object', additionalProperties: true } as const;
const nullableString = { type: ['string', 'null'] } as const;
const appId = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } as const;

export const idempotencyHeaders = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string', minLength: 1, maxLength: 200,
      description: 'a retry with the same key returns the first result instead of acting again',
    },
  },
} as const;

export const timelineEntrySchema = {
  type: 'object',
  required: ['seq', 'at', 'actor', 'action', 'what', 'changes'],
  properties: {
    seq: { type: 'integer' },
    at: { type: 'string' },
    actor: { ...nullableString, description: 'user id; null for the system (timers, automatic steps)' },
    action: { type: 'string' },
    what: localizedTextSchema,
    step: localizedTextSchema,
    node: { type: 'string' },
    task: { type: 'string' },
    comment: { type: 'string' },
    changes: { type: 'array', items: openObject },
  },
} as const;

export const instanceSchema = {
  type: 'object',
  required: ['id', 'app', 'flowId', 'flowVersion', 'entity', 'recordId', 'status', 'revision', 'startedBy', 'startedAt', 'tasks'],
  properties: {
    id: { type: 'string' },
    app: { type: 'string' },
    flowId: { type: 'string' },
    flowVersion: { type: 'integer', description: 'the version the instance runs; publishing a new one does not change it' },
    entity: { type: 'string' },
    recordId: nullableString,
    status: { type: 'string', enum: ['running', 'completed', 'withdrawn'] },
    outcome: nullableString,
    revision: { type: 'integer', description: 'send it back as `revision` to refuse acting on a changed instance' },
    startedBy: { type: 'string' },
    startedAt: { type: 'string' },
    updatedAt: { type: 'string' },
    endedAt: nullableString,
    dueAt: { ...nullableString, description: 'the earliest escalation time of the open tasks' },
    overdue: { type: 'boolean' },
    createdRecords: { type: 'object', additionalProperties: { type: 'string' } },
    tasks: { type: 'array', items: openObject },
    timeline: { type: 'array', items: timelineEntrySchema },
  },
} as const;

export const instancePageSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: instanceSchema }, nextCursor: nullableString },
} as const;

export const taskSchema = {
  type: 'object',
  required: ['id', 'instanceId', 'app', 'flowId', 'node', 'label', 'kind', 'status', 'assignees', 'openedAt'],
  properties: {
    id: { type: 'string' },
    instanceId: { type: 'string' },
    app: { type: 'string' },
    flowId: { type: 'string' },
    node: { type: 'string' },
    label: localizedTextSchema,
    kind: { type: 'string', enum: ['approval', 'form', 'resubmit'] },
    status: { type: 'string', enum: ['open', 'closed'] },
    outcome: nullableString,
    assignees: { type: 'array', items: { type: 'string' }, description: 'open: who may act; closed: who took part' },
    entity: { type: 'string' },
    recordId: nullableString,
    openedAt: { type: 'string' },
    closedAt: nullableString,
    remindAt: nullableString,
    dueAt: { ...nullableString, description: 'the SLA: escalation time' },
    overdue: { type: 'boolean' },
  },
} as const;

export const taskPageSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: taskSchema }, nextCursor: nullableString },
} as const;

export const actionResultSchema = {
  type: 'object',
  required: ['instance', 'replayed'],
  properties: { instance: instanceSchema, replayed: { type: 'boolean', description: 'the stored answer of an earlier request with this Idempotency-Key' } },
} as const;

const comment = { type: 'string', maxLength: 4000 } as const;
const revision = { type: 'integer', minimum: 1, description: 'the instance revision read; a changed instance is refused with 409' } as const;

export const taskActionBody = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: ['approve', 'reject', 'return', 'reassign', 'add_approver', 'comment', 'submit'] },
    comment,
    data: { ...openObject, description: 'values of the fields the step lets you edit, by field path' },
    to: { type: 'string', description: 'return: the step to go back to; reassign: the user id to hand the task to' },
    user: { type: 'string', description: 'add_approver: the user id' },
    position: { type: 'string', enum: ['before', 'after'] },
    revision,
  },
} as const;

export const instanceActionBody = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: { type: { type: 'string', enum: ['withdraw', 'comment'] }, comment, revision },
} as const;

export const startBody = {
  type: 'object',
  required: ['recordId'],
  additionalProperties: false,
  properties: { recordId: { type: 'string', format: 'uuid' } },
} as const;

export const migrateBody = {
  type: 'object',
  required: ['toVersion'],
  additionalProperties: false,
  properties: {
    toVersion: { type: 'integer', minimum: 1 },
    mapping: {
      type: 'object', additionalProperties: { type: 'string' },
      description: 'node of the current version → node of the target version, for nodes the target does not have',
    },
    revision,
  },
} as const;

export const appParams = { type: 'object', required: ['app'], properties: { app: appId } } as const;
export const flowParams = { type: 'object', required: ['app', 'flowId'], properties: { app: appId, flowId: { type: 'string' } } } as const;
export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 200 } } } as const;

const page = {
  limit: { type: 'integer', minimum: 1, maximum: 500 },
  after: { type: 'string', maxLength: 2000 },
} as const;

export const instanceListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    flowId: { type: 'string' },
    status: { type: 'string', enum: ['running', 'completed', 'withdrawn'] },
    overdue: { type: 'boolean', description: 'only running instances with a task past its SLA' },
    recordId: { type: 'string', format: 'uuid' },
    ...page,
  },
} as const;

export const taskListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['open', 'closed'], default: 'open' },
    app: appId,
    flowId: { type: 'string' },
    overdue: { type: 'boolean', description: 'only open tasks past their SLA' },
    assignee: { type: 'string', description: 'admins only: the inbox of another user' },
    ...page,
  },
} as const;

export const inboxQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { unread: { type: 'boolean' }, ...page },
} as const;

export const inboxMessageSchema = {
  type: 'object',
  required: ['id', 'deliveryId', 'app', 'reason', 'createdAt', 'readAt'],
  properties: {
    id: { type: 'string' },
    deliveryId: { type: 'string' },
    app: { type: 'string' },
    instanceId: nullableString,
    taskId: nullableString,
    reason: { type: 'string' },
    subject: { anyOf: [localizedTextSchema, { type: 'null' }] },
    message: { anyOf: [localizedTextSchema, { type: 'null' }] },
    createdAt: { type: 'string' },
    readAt: nullableString,
  },
} as const;

export const inboxPageSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: inboxMessageSchema }, nextCursor: nullableString },
} as const;
