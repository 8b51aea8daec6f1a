/**
 * My tasks (the inbox of work) with filters, one task, acting on it (only its assignees; with an
 * Idempotency-Key a retry returns the first result), and in-app inbox messages.
 */
import { TrellisError } from '@trellis/errors';
import { flowProblems } from '@trellis/flow';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { FlowTaskRow } from '@trellis/storage';
import { problemResponses } from '../../http/schemas.js';
import { ADMIN_ROLE } from '../../identity/session-user.js';
import { requireUser } from '../../plugins/auth.js';
import { actOnTask, type FlowRequest, type TaskActionBody } from '../../flows/service.js';
import {
  TASK_TAG, actionResultSchema, idParams, idempotencyHeaders, inboxMessageSchema, inboxPageSchema, inboxQuery, taskActionBody,
  taskListQuery, taskPageSchema, taskSchema,
} from '../flows/schemas.js';

interface IdParams { id: string }
interface TaskListQuery {
  status?: 'open' | 'closed';
  app?: string;
  flowId?: string;
  overdue?: boolean;
  assignee?: string;
  limit?: number;
  after?: string;
}

const plugin: FastifyPluginAsync = async (app) => {
  const withOverdue = (task: FlowTaskRow, now: Date) => ({
    ...task, overdue: task.status === 'open' && task.dueAt !== null && Date.parse(task.dueAt) < now.getTime(),
  });

  app.get<{ Querystring: TaskListQuery }>('/tasks', {
    schema: {
      tags: [TASK_TAG], summary: 'My tasks, longest waiting first (status, app, flow, overdue)',
      querystring: taskListQuery, response: { 200: taskPageSchema, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { assignee, overdue, limit, after, status, app: appId, flowId } = request.query;
    if (assignee !== undefined && assignee !== user.id && !user.roles.includes(ADMIN_ROLE)) {
      throw new TrellisError([flowProblems.notAssignee('*', user.id)]);
    }
    const now = app.clock.now();
    const page = await app.storage.read.flowTasks.list({
      assignee: assignee ?? user.id,
      ...(status === undefined ? {} : { status }),
      ...(appId === undefined ? {} : { app: appId }),
      ...(flowId === undefined ? {} : { flowId }),
      ...(overdue === true ? { overdueAt: now.toISOString() } : {}),
      ...(limit === undefined ? {} : { limit }),
      ...(after === undefined ? {} : { after }),
    });
    return { items: page.items.map((t) => withOverdue(t, now)), nextCursor: page.nextCursor };
  });

  app.get<{ Params: IdParams }>('/tasks/:id', {
    schema: { tags: [TASK_TAG], summary: 'One of my tasks', params: idParams, response: { 200: taskSchema, ...problemResponses(401, 404) } },
  }, async (request) => {
    const user = requireUser(request);
    const task = await app.storage.read.flowTasks.get(request.params.id);
    if (task === null || !(task.assignees.includes(user.id) || user.roles.includes(ADMIN_ROLE))) {
      throw new TrellisError([flowProblems.taskNotFound(request.params.id)]);
    }
    return withOverdue(task, app.clock.now());
  });

  app.post<{ Params: IdParams; Body: TaskActionBody }>('/tasks/:id/actions', {
    schema: {
      tags: [TASK_TAG], summary: 'Act on a task: approve, reject, return, reassign, add an approver, comment, submit',
      description: 'Concurrent actions on one task: exactly one wins, the others get 409 FLOW_TASK_CLOSED.',
      params: idParams, body: taskActionBody, headers: idempotencyHeaders,
      response: { 200: actionResultSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request: FastifyRequest<{ Params: IdParams; Body: TaskActionBody }>) => {
    const key = request.headers['idempotency-key'];
    const req: FlowRequest = {
      storage: app.storage, user: requireUser(request), now: app.clock.now(), requestId: request.id,
      idempotencyKey: typeof key === 'string' ? key : undefined,
    };
    return actOnTask(req, request.params.id, request.body);
  });

  app.get<{ Querystring: { unread?: boolean; limit?: number; after?: string } }>('/inbox', {
    schema: {
      tags: [TASK_TAG], summary: 'My inbox messages, newest first',
      querystring: inboxQuery, response: { 200: inboxPageSchema, ...problemResponses(400, 401) },
    },
  }, async (request) => {
    const { unread, limit, after } = request.query;
    return app.storage.read.inbox.list({
      recipient: requireUser(request).id,
      ...(unread === undefined ? {} : { unread }), ...(limit === undefined ? {} : { limit }), ...(after === undefined ? {} : { after }),
    });
  });

  app.post<{ Params: IdParams }>('/inbox/:id/read', {
    schema: { tags: [TASK_TAG], summary: 'Mark a message read', params: idParams, response: { 200: inboxMessageSchema, ...problemResponses(401, 404) } },
  }, async (request) => app.storage.transaction((tx) => tx.inbox.markRead(request.params.id, requireUser(request).id)));
};

export default plugin;
