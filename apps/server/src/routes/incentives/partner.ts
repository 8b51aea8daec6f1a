/**
 * What a subject's own users see: its statement (the final results of a period) and the
 * calculator. Both are row-scoped: a user sees the subjects whose records it may read (a partner
 * user its own organisation); run managers see any.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { TrellisError } from '@trellis/errors';
import type { MetricOverride } from '@trellis/incentives';
import { mayManage, mayReadSubject } from '../../incentives/access.js';
import { calculateFor, findSubject, programFor } from '../../incentives/calculator.js';
import { runProblems } from '../../incentives/problems.js';
import { runStore } from '../../incentives/store.js';
import type { IncentiveRun, StoredResult } from '../../incentives/types.js';
import { problemResponses } from '../../http/schemas.js';
import { loadAppModel } from '../../services/app-model.js';
import { actorOf } from './context.js';
import { TAG, appParams, calculatorBody, period, resultSchema } from './schemas.js';

interface CalculatorBody { program: string; period: string; subject: string; overrides: Record<string, MetricOverride>; context?: Record<string, unknown> }

const openObject = { type: 'object', additionalProperties: true } as const;

const plugin: FastifyPluginAsync = async (app) => {
  /** The subject keys the caller may read, over the subject entities of the run (first 100). */
  async function readableSubjects(request: FastifyRequest, appId: string, run: IncentiveRun): Promise<string[]> {
    const actor = actorOf(request);
    const model = await loadAppModel(app.storage.read, appId);
    const keys = new Set<string>();
    for (const { subjectEntity, subjectKey } of run.programs) {
      const scope = model.permissions.scopeFor(actor, subjectEntity, 'read');
      if (scope === false) continue;
      const page = await app.storage.read.records.list({
        app: appId, entity: subjectEntity, ...(scope === true ? {} : { scope }), columns: [subjectKey], limit: 100,
        sort: [{ field: subjectKey, type: 'string' }],
      });
      for (const r of page.items) if (typeof r.data[subjectKey] === 'string') keys.add(r.data[subjectKey] as string);
    }
    return [...keys];
  }

  async function visible(request: FastifyRequest, appId: string, run: IncentiveRun, results: readonly StoredResult[]): Promise<boolean> {
    const actor = actorOf(request);
    if (await mayManage(app.storage, actor, appId, run.programs.map((p) => p.subjectEntity))) return true;
    const first = results[0];
    const entity = run.programs.find((p) => p.id === first?.program)?.subjectEntity;
    return first !== undefined && entity !== undefined && mayReadSubject(app.storage, actor, appId, entity, first.subjectRecord);
  }

  app.get<{ Params: { app: string }; Querystring: { period: string; subject?: string } }>('/apps/:app/incentives/statement', {
    schema: {
      tags: [TAG], summary: 'Statement: the final results of a period for the subjects the caller may see (or one of them)',
      params: appParams,
      querystring: { type: 'object', required: ['period'], additionalProperties: false, properties: { period, subject: { type: 'string', minLength: 1 } } },
      response: {
        200: {
          type: 'object',
          properties: {
            runId: { type: 'string' }, period: { type: 'string' },
            subjects: { type: 'array', items: { type: 'object', properties: { subject: { type: 'string' }, results: { type: 'array', items: resultSchema } } } },
          },
        },
        ...problemResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    const { app: appId } = request.params;
    const { period: periodId, subject } = request.query;
    const store = runStore(app.storage.sql);
    const run = (await store.list(appId, periodId)).find((r) => r.status === 'final');
    if (run === undefined) throw new TrellisError([runProblems.noFinalRun(periodId)]);
    const keys = subject === undefined ? await readableSubjects(request, appId, run) : [subject];
    const results = await store.resultsOf(run.id, keys);
    const bySubject = new Map<string, StoredResult[]>();
    for (const r of results) bySubject.set(r.subject, [...(bySubject.get(r.subject) ?? []), r]);
    if (subject !== undefined && !(await visible(request, appId, run, bySubject.get(subject) ?? []))) {
      throw new TrellisError([runProblems.subjectNotFound(subject)]);
    }
    return { runId: run.id, period: run.period, subjects: [...bySubject].map(([key, list]) => ({ subject: key, results: list })) };
  });

  app.post<{ Params: { app: string }; Body: CalculatorBody }>('/apps/:app/incentives/calculator', {
    schema: {
      tags: [TAG], summary: 'What a program would pay one subject with hypothetical numbers, with the same formula and explanation as a run',
      params: appParams, body: calculatorBody,
      response: {
        200: { type: 'object', properties: { result: openObject, actual: openObject, difference: { type: 'string' }, changed: openObject } },
        ...problemResponses(400, 401, 403, 404, 422),
      },
    },
  }, async (request) => {
    const { app: appId } = request.params;
    const actor = actorOf(request);
    const program = await programFor(app.storage, appId, request.body.program, request.body.period);
    const subject = await findSubject(app.storage, appId, program, request.body.subject);
    const entity = program.definition.subjectEntity;
    const allowed = subject !== null && (await mayManage(app.storage, actor, appId, [entity])
      || await mayReadSubject(app.storage, actor, appId, entity, subject.record));
    if (subject === null || !allowed) throw new TrellisError([runProblems.subjectNotFound(request.body.subject)]);
    return calculateFor(app.storage, { ...request.body, app: appId }, program, subject);
  });
};

export default plugin;
