/** Starting, watching, cancelling and approving incentive runs. */
import type { FastifyPluginAsync } from 'fastify';
import { requireManage } from '../../incentives/access.js';
import { approvalStep, type ApprovalAction } from '../../incentives/approval.js';
import { cancelRun, startRun } from '../../incentives/run.js';
import { runStore } from '../../incentives/store.js';
import type { IncentiveRun } from '../../incentives/types.js';
import { problemResponses } from '../../http/schemas.js';
import { actorOf, managedRun } from './context.js';
import { TAG, appParams, period, runParams, runSchema, startBody } from './schemas.js';

interface StartBody { period: string; programs?: string[]; context?: Record<string, never> }

const APPROVAL: readonly [ApprovalAction, string][] = [
  ['submit', 'Submit a computed run for approval: starts the approval flow its programs name (approvalFlow)'],
  ['reject', 'Reject the approval step waiting for you: the flow ends and the run goes back to computed'],
  ['approve', 'Approve the approval step waiting for you (never the submitter); the last one makes the run final'],
  ['finalize', 'Make final a run approved before approvals ran as flows: its results never change again'],
];

const plugin: FastifyPluginAsync = async (app) => {
  /** Runs computing in this process, so closing the server stops them cleanly. */
  const inFlight = new Map<string, Promise<unknown>>();
  app.addHook('onClose', async () => {
    const store = runStore(app.storage.sql);
    await Promise.all([...inFlight].map(async ([id, done]) => {
      await store.requestCancel(id);
      await done;
    }));
  });

  app.post<{ Params: { app: string }; Body: StartBody }>('/apps/:app/incentives/runs', {
    schema: {
      tags: [TAG], summary: 'Start a run: every eligible subject of the programs for the period, computed in the background',
      params: appParams, body: startBody, response: { 202: runSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { app: appId } = request.params;
    const started = await startRun(app.storage, {
      app: appId, period: request.body.period, programs: request.body.programs, context: request.body.context ?? {},
      actor: actor.id, requestId: request.id,
      authorize: (programs) => requireManage(app.storage, actor, appId, programs.map((p) => p.definition.subjectEntity)),
      log: (error) => app.log.error({ err: error }, 'incentive run failed'),
    });
    inFlight.set(started.run.id, started.done.finally(() => inFlight.delete(started.run.id)));
    return reply.code(202).header('location', `${request.url}/${started.run.id}`).send(started.run);
  });

  app.get<{ Params: { app: string }; Querystring: { period?: string } }>('/apps/:app/incentives/runs', {
    schema: {
      tags: [TAG], summary: 'The runs of the app (newest first), optionally of one period',
      params: appParams, querystring: { type: 'object', additionalProperties: false, properties: { period } },
      response: { 200: { type: 'object', properties: { items: { type: 'array', items: runSchema } } }, ...problemResponses(400, 401, 403) },
    },
  }, async (request) => {
    const runs = await runStore(app.storage.sql).list(request.params.app, request.query.period);
    const entities = [...new Set(runs.flatMap((r) => r.programs.map((p) => p.subjectEntity)))];
    if (entities.length > 0) await requireManage(app.storage, actorOf(request), request.params.app, entities);
    return { items: runs };
  });

  app.get<{ Params: { app: string; id: string } }>('/apps/:app/incentives/runs/:id', {
    schema: {
      tags: [TAG], summary: 'A run with its status and progress', params: runParams,
      response: { 200: runSchema, ...problemResponses(401, 403, 404) },
    },
  }, async (request) => managedRun(app, request, request.params.app, request.params.id));

  app.post<{ Params: { app: string; id: string } }>('/apps/:app/incentives/runs/:id/cancel', {
    schema: {
      tags: [TAG], summary: 'Cancel a running run: it stops at its next page and its partial results are removed',
      params: runParams, response: { 200: runSchema, ...problemResponses(401, 403, 404, 409) },
    },
  }, async (request): Promise<IncentiveRun> => {
    await managedRun(app, request, request.params.app, request.params.id);
    return cancelRun(app.storage, request.params.id, actorOf(request).id);
  });

  for (const [action, summary] of APPROVAL) {
    app.post<{ Params: { app: string; id: string } }>(`/apps/:app/incentives/runs/:id/${action}`, {
      schema: { tags: [TAG], summary, params: runParams, response: { 200: runSchema, ...problemResponses(401, 403, 404, 409) } },
    }, async (request) => {
      await managedRun(app, request, request.params.app, request.params.id);
      return approvalStep(app.storage, request.params.id, action, actorOf(request).id, { requestId: request.id });
    });
  }
};

export default plugin;
