/**
 * The flow operations the API offers: act on a task, act on an instance (withdraw, comment),
 * start a flow by hand, read instances and tasks. Each action is one transaction (see run.ts);
 * who may see what is decided here: an instance is visible to admins, to whoever took part in
 * it, and to whoever may read its record.
 */
import { TrellisError } from '@trellis/errors';
import { flowProblems, type FlowAction, type JsonRecord } from '@trellis/flow';
import type { FlowInstance, FlowInstanceStatus, Storage } from '@trellis/storage';
import { ADMIN_ROLE, type SessionUser } from '../identity/session-user.js';
import { loadAppModel } from '../services/app-model.js';
import { scopedQuery } from '../services/records.js';
import { latestFlow } from './definitions.js';
import { idempotent } from './idempotency.js';
import { flowServiceProblems } from './problems.js';
import { actOnInstance, startFlow } from './run.js';
import { flowScope } from './scope.js';
import { asJsonObject, instanceView, participants, type InstanceView } from './views.js';

export interface FlowRequest {
  readonly storage: Storage;
  readonly user: SessionUser;
  readonly now: Date;
  readonly requestId: string;
  readonly idempotencyKey?: string | undefined;
}

export type TaskActionType = 'approve' | 'reject' | 'return' | 'reassign' | 'add_approver' | 'comment' | 'submit';

export interface TaskActionBody {
  readonly type: TaskActionType;
  readonly comment?: string;
  readonly data?: JsonRecord;
  /** return: the step to go back to; reassign: the user to hand the seat to */
  readonly to?: string;
  /** add_approver: who, and before or after the actor */
  readonly user?: string;
  readonly position?: 'before' | 'after';
  /** the instance revision the client read (optional optimistic check) */
  readonly revision?: number;
}

const isAdmin = (user: SessionUser) => user.roles.includes(ADMIN_ROLE);

function taskAction(taskId: string, body: TaskActionBody): FlowAction {
  const comment = body.comment === undefined ? {} : { comment: body.comment };
  switch (body.type) {
    case 'approve':
    case 'reject':
      return { type: body.type, taskId, ...comment, ...(body.data === undefined ? {} : { data: body.data }) };
    case 'submit':
      return { type: 'submit', taskId, data: body.data ?? {}, ...comment };
    case 'return':
      return { type: 'return', taskId, ...comment, ...(body.to === undefined ? {} : { to: body.to }) };
    case 'reassign':
      return { type: 'reassign', taskId, to: body.to ?? '', ...comment };
    case 'add_approver':
      return { type: 'add_approver', taskId, user: body.user ?? '', position: body.position ?? 'after', ...comment };
    case 'comment':
      return { type: 'comment', taskId, comment: body.comment ?? '' };
  }
}

export interface ActionResult {
  readonly instance: InstanceView;
  readonly replayed: boolean;
}

async function act(req: FlowRequest, instanceId: string, action: FlowAction, revision: number | undefined, request: unknown): Promise<ActionResult> {
  const { value, replayed } = await idempotent(req.storage, { actor: req.user.id, key: req.idempotencyKey, request }, async (tx) => {
    const scope = flowScope(tx, { now: req.now, requestId: req.requestId });
    const done = await actOnInstance(scope, {
      instanceId, action, actor: req.user.id, ...(revision === undefined ? {} : { expectedRevision: revision }),
    });
    return asJsonObject(instanceView(done.instance, req.now));
  });
  return { instance: value as unknown as InstanceView, replayed };
}

/** Acts on a task: only its assignees may (the engine checks the seat). 404 for a task the user cannot see. */
export async function actOnTask(req: FlowRequest, taskId: string, body: TaskActionBody): Promise<ActionResult> {
  const task = await req.storage.read.flowTasks.get(taskId);
  if (task === null) throw new TrellisError([flowProblems.taskNotFound(taskId)]);
  return act(req, task.instanceId, taskAction(taskId, body), body.revision, { taskId, body });
}

export interface InstanceActionBody {
  readonly type: 'withdraw' | 'comment';
  readonly comment?: string;
  readonly revision?: number;
}

/** Withdraw (the initiator, until someone acted) or comment on the instance. */
export async function actOnInstanceRequest(req: FlowRequest, instanceId: string, body: InstanceActionBody): Promise<ActionResult> {
  await visibleInstance(req, instanceId);
  const action: FlowAction = body.type === 'withdraw'
    ? { type: 'withdraw', ...(body.comment === undefined ? {} : { comment: body.comment }) }
    : { type: 'comment', comment: body.comment ?? '' };
  return act(req, instanceId, action, body.revision, { instanceId, body });
}

/**
 * Starts a flow whose trigger is manual on a record the user may read. The trigger's `roles`, when
 * given, limit who may (admins always may).
 */
export async function startManually(req: FlowRequest, app: string, flowId: string, recordId: string): Promise<ActionResult> {
  const flow = await latestFlow(req.storage.read, app, flowId);
  const start = flow.definition.nodes.find((n) => n.type === 'start');
  const trigger = (start?.settings as { trigger?: { on?: string; roles?: string[] } } | undefined)?.trigger;
  if (trigger?.on !== 'manual') throw new TrellisError([flowServiceProblems.notManual(flowId)]);
  if (!isAdmin(req.user) && trigger.roles !== undefined && !trigger.roles.some((r) => req.user.roles.includes(r))) {
    throw new TrellisError([flowServiceProblems.startForbidden(flowId)]);
  }
  const model = await loadAppModel(req.storage.read, app);
  const actor = { id: req.user.id, roles: req.user.roles, partnerOrg: req.user.partnerOrg, regions: req.user.regions };
  const entity = flow.definition.entity;
  const record = entity === undefined ? null : await req.storage.read.records.get(recordId, scopedQuery({ model, actor }, entity, 'read'));
  if (record === null) throw new TrellisError([flowServiceProblems.recordRequired()]);
  const { value, replayed } = await idempotent(req.storage, { actor: req.user.id, key: req.idempotencyKey, request: { app, flowId, recordId } }, async (tx) => {
    const scope = flowScope(tx, { now: req.now, requestId: req.requestId });
    const fresh = await tx.records.get(record.id);
    if (fresh === null) throw new TrellisError([flowServiceProblems.recordRequired()]);
    const done = await startFlow(scope, { app, flow, record: fresh, actor: req.user.id });
    return asJsonObject(instanceView(done.instance, req.now));
  });
  return { instance: value as unknown as InstanceView, replayed };
}

async function mayRead(req: FlowRequest, instance: FlowInstance): Promise<boolean> {
  if (isAdmin(req.user) || participants(instance).has(req.user.id)) return true;
  if (instance.recordId === null) return false;
  const model = await loadAppModel(req.storage.read, instance.app);
  const actor = { id: req.user.id, roles: req.user.roles, partnerOrg: req.user.partnerOrg, regions: req.user.regions };
  if (!model.permissions.can(actor, 'read', instance.entity)) return false;
  return (await req.storage.read.records.get(instance.recordId, scopedQuery({ model, actor }, instance.entity, 'read'))) !== null;
}

/** The instance when the user may see it; FLOW_INSTANCE_NOT_FOUND otherwise (ids cannot be probed). */
export async function visibleInstance(req: Pick<FlowRequest, 'storage' | 'user' | 'now'>, id: string): Promise<FlowInstance> {
  const instance = await req.storage.read.flowInstances.get(id);
  if (instance === null || !(await mayRead(req as FlowRequest, instance))) throw new TrellisError([flowServiceProblems.instanceNotFound(id)]);
  return instance;
}

export interface InstanceListRequest {
  readonly flowId?: string;
  readonly status?: FlowInstanceStatus;
  readonly overdue?: boolean;
  readonly recordId?: string;
  readonly limit?: number;
  readonly after?: string;
}

/** Instances of an app (admins: all; others: those they may see), newest first. */
export async function listInstances(req: FlowRequest, app: string, query: InstanceListRequest) {
  const page = await req.storage.read.flowInstances.list({
    app,
    ...(query.flowId === undefined ? {} : { flowId: query.flowId }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.overdue === true ? { overdueAt: req.now.toISOString() } : {}),
    ...(query.recordId === undefined ? {} : { recordId: query.recordId }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
    ...(query.after === undefined ? {} : { after: query.after }),
  });
  const items: InstanceView[] = [];
  for (const instance of page.items) if (await mayRead(req, instance)) items.push(instanceView(instance, req.now));
  return { items, nextCursor: page.nextCursor };
}

