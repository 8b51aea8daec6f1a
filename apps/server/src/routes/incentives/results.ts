/** A run's results: the list with filters, one subject's explanation, the diff and the finance export. */
import type { FastifyPluginAsync } from 'fastify';
import { TrellisError, LOCALES, type Locale } from '@trellis/errors';
import { mayManage, mayReadSubject } from '../../incentives/access.js';
import { runDiff } from '../../incentives/diff.js';
import { exportRun } from '../../incentives/export.js';
import { runProblems } from '../../incentives/problems.js';
import { runStore } from '../../incentives/store.js';
import { problemResponses } from '../../http/schemas.js';
import { EXPORT_TYPES, type ExportFormat } from '../../services/record-export.js';
import { actorOf, decodeCursor, encodeCursor, managedRun, runOf } from './context.js';
import { TAG, diffEntrySchema, pageQuery, resultParams, resultSchema, resultsQuery, runParams } from './schemas.js';

interface ResultsQuery { program?: string; subject?: string; eligible?: boolean; paying?: boolean; limit: number; after?: string }

const plugin: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { app: string; id: string }; Querystring: ResultsQuery }>('/apps/:app/incentives/runs/:id/results', {
    schema: {
      tags: [TAG], summary: "A run's results by program and subject, page by page", params: runParams, querystring: resultsQuery,
      response: {
        200: { type: 'object', properties: { items: { type: 'array', items: resultSchema }, nextCursor: { type: ['string', 'null'] } } },
        ...problemResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    await managedRun(app, request, request.params.app, request.params.id);
    const { limit, after, ...filter } = request.query;
    const items = await runStore(app.storage.sql).results(request.params.id, { ...filter, after: decodeCursor(after), limit });
    return { items, nextCursor: encodeCursor(items[items.length - 1], items.length === limit) };
  });

  app.get<{ Params: { app: string; id: string; program: string; subject: string } }>('/apps/:app/incentives/runs/:id/results/:program/:subject', {
    schema: {
      tags: [TAG], summary: "One subject's result with its explanation (inputs, matched table rows, sub-results, caps)",
      params: resultParams, response: { 200: resultSchema, ...problemResponses(401, 403, 404) },
    },
  }, async (request) => {
    const { app: appId, id, program, subject } = request.params;
    const run = await runOf(app, appId, id);
    const [result] = await runStore(app.storage.sql).results(id, { program, subject, limit: 1 });
    const actor = actorOf(request);
    const entity = run.programs.find((p) => p.id === program)?.subjectEntity;
    const manager = await mayManage(app.storage, actor, appId, run.programs.map((p) => p.subjectEntity));
    // someone who may read the subject's record sees its result once the run is final; others see nothing of it
    const reader = !manager && run.status === 'final' && result !== undefined && entity !== undefined
      && await mayReadSubject(app.storage, actor, appId, entity, result.subjectRecord);
    if (result === undefined || !(manager || reader)) throw new TrellisError([runProblems.resultNotFound(subject)]);
    return result;
  });

  app.get<{ Params: { app: string; id: string }; Querystring: { limit: number; after?: string } }>('/apps/:app/incentives/runs/:id/diff', {
    schema: {
      tags: [TAG], summary: 'What changed against the previous run of the period, per subject, and why',
      params: runParams, querystring: { type: 'object', additionalProperties: false, properties: pageQuery },
      response: {
        200: {
          type: 'object',
          properties: { previousRun: { type: ['string', 'null'] }, items: { type: 'array', items: diffEntrySchema }, nextCursor: { type: ['string', 'null'] } },
        },
        ...problemResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    await managedRun(app, request, request.params.app, request.params.id);
    const { limit, after } = request.query;
    const diff = await runDiff(app.storage.sql, request.params.id, { after: decodeCursor(after), limit });
    return { previousRun: diff.previousRun, items: diff.entries, nextCursor: encodeCursor(diff.entries[diff.entries.length - 1], diff.entries.length === limit) };
  });

  app.get<{ Params: { app: string; id: string }; Querystring: { format: ExportFormat; locale?: Locale } }>('/apps/:app/incentives/runs/:id/export', {
    schema: {
      tags: [TAG], summary: "A run's results and adjustment lines as CSV or XLSX, for finance",
      params: runParams,
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { format: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' }, locale: { type: 'string', enum: [...LOCALES] } },
      },
      response: { 200: { type: 'string', format: 'binary' }, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const run = await managedRun(app, request, request.params.app, request.params.id);
    const { format, locale = request.locale } = request.query;
    return reply.type(EXPORT_TYPES[format])
      .header('content-disposition', `attachment; filename="incentives-${run.period}.${format}"`)
      .send(exportRun(app.storage.sql, run.id, format, locale));
  });
};

export default plugin;
