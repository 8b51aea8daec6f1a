/**
 * Flow instances: start a flow by hand, list an app's instances (by flow, state, overdue), read
 * one with its timeline, withdraw or comment, and (admins) migrate one to another flow version.
 * Acting on tasks is in routes/tasks.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { problemResponses } from '../../http/schemas.js';
import { ADMIN_ROLE } from '../../identity/session-user.js';
import { requireUser } from '../../plugins/auth.js';
import { migrateInstance } from '../../flows/migrate.js';
import { flowScope } from '../../flows/scope.js';
import {
  actOnInstanceRequest, listInstances, startManually, visibleInstance, type FlowRequest, type InstanceActionBody, type InstanceListRequest,
} from '../../flows/service.js';
import { instanceView } from '../../flows/views.js';
import {
  FLOW_TAG, actionResultSchema, appParams, flowParams, idParams, idempotencyHeaders, instanceActionBody, instanceListQuery,
  instancePageSchema, instanceSchema, migrateBody, startBody, timelineEntrySchema,
} from './schemas.js';

interface IdParams { id: string }

const plugin: FastifyPluginAsync = async (app) => {
  const flowRequest = (request: FastifyRequest): FlowRequest => {
    const key = request.headers['idempotency-key'];
    return {
      storage: app.storage, user: requireUser(request), now: app.clock.now(), requestId: request.id,
      idempotencyKey: typeof key === 'string' ? key : undefined,
    };
  };

  app.post<{ Params: { app: string; flowId: string }; Body: { recordId: string } }>('/apps/:app/flows/:flowId/instances', {
    schema: {
      tags: [FLOW_TAG], summary: 'Start a flow by hand on a record (its start trigger must be manual)',
      params: flowParams, body: startBody, headers: idempotencyHeaders,
      response: { 201: actionResultSchema, 200: actionResultSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const result = await startManually(flowRequest(request), request.params.app, request.params.flowId, request.body.recordId);
    return reply.code(result.replayed ? 200 : 201).send(result);
  });

  app.get<{ Params: { app: string }; Querystring: InstanceListRequest }>('/apps/:app/flow-instances', {
    schema: {
      tags: [FLOW_TAG], summary: 'List flow instances, newest first (by flow, state, overdue, record)',
      params: appParams, querystring: instanceListQuery,
      response: { 200: instancePageSchema, ...problemResponses(400, 401) },
    },
  }, async (request) => listInstances(flowRequest(request), request.params.app, request.query));

  app.get<{ Params: IdParams }>('/flow-instances/:id', {
    schema: {
      tags: [FLOW_TAG], summary: 'A flow instance with its tasks and full timeline',
      params: idParams, response: { 200: instanceSchema, ...problemResponses(401, 404) },
    },
  }, async (request) => {
    const req = flowRequest(request);
    return instanceView(await visibleInstance(req, request.params.id), req.now, { timeline: true });
  });

  app.get<{ Params: IdParams }>('/flow-instances/:id/timeline', {
    schema: {
      tags: [FLOW_TAG], summary: 'Who did what and when, with comments and data changes',
      params: idParams,
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: timelineEntrySchema } } }, ...problemResponses(401, 404) },
    },
  }, async (request) => {
    const req = flowRequest(request);
    return { items: instanceView(await visibleInstance(req, request.params.id), req.now, { timeline: true }).timeline ?? [] };
  });

  app.post<{ Params: IdParams; Body: InstanceActionBody }>('/flow-instances/:id/actions', {
    schema: {
      tags: [FLOW_TAG], summary: 'Withdraw (the initiator, until someone acted) or comment',
      params: idParams, body: instanceActionBody, headers: idempotencyHeaders,
      response: { 200: actionResultSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request) => actOnInstanceRequest(flowRequest(request), request.params.id, request.body));

  app.post<{ Params: IdParams; Body: { toVersion: number; mapping?: Record<string, string>; revision?: number } }>('/flow-instances/:id/migrate', {
    schema: {
      tags: [FLOW_TAG], summary: 'Move a running instance to another published version of its flow (validated)',
      params: idParams, body: migrateBody,
      response: { 200: instanceSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
    config: { roles: [ADMIN_ROLE] },
  }, async (request) => {
    const req = flowRequest(request);
    const { toVersion, mapping, revision } = request.body;
    const migrated = await app.storage.transaction((tx) => migrateInstance(flowScope(tx, { now: req.now, requestId: req.requestId }), {
      instanceId: request.params.id, toVersion, actor: req.user.id,
      ...(mapping === undefined ? {} : { mapping }), ...(revision === undefined ? {} : { expectedRevision: revision }),
    }));
    return instanceView(migrated, req.now);
  });
};

export default plugin;
