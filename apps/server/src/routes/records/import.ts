/**
 * `POST …/records/:entity/import` (multipart "file": CSV or XLSX): a per-row report; `dryRun=true`
 * changes nothing; otherwise all rows are created in one transaction, or none when any row fails
 * (422 naming each row and field). `background=true` answers 202 with a job at once; its progress
 * and result are at `GET /apps/:app/imports/:job`.
 */
import type { FastifyPluginAsync } from 'fastify';
import { isTrellisError, type Problem } from '@trellis/errors';
import { TABULAR_LIMITS } from '@trellis/tabular';
import { problemResponses } from '../../http/schemas.js';
import { requireUser } from '../../plugins/auth.js';
import { createImportJobs } from '../../services/import-jobs.js';
import { serviceProblems } from '../../services/problems.js';
import { importRows, type RecordImportReport } from '../../services/record-import.js';
import { allow } from '../../services/records.js';
import { sheetRows } from '../../services/sheet-rows.js';
import { acceptUploads, readUpload } from '../attachments/upload.js';
import { recordContext } from './context.js';
import { TAG, entityParams } from './schemas.js';

type JobResult = { report: RecordImportReport } | { problems: readonly Problem[] };

const open = { type: 'object', additionalProperties: true } as const;
const reportSchema = {
  type: 'object',
  properties: {
    entity: { type: 'string' }, dryRun: { type: 'boolean' }, total: { type: 'integer' }, valid: { type: 'integer' },
    invalid: { type: 'integer' }, created: { type: 'integer' }, applied: { type: 'boolean' },
    rows: { type: 'array', items: { type: 'object', properties: { row: { type: 'integer' }, errors: { type: 'array', items: open } } } },
    problems: { type: 'array', items: open },
  },
} as const;
const jobSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, state: { type: 'string', enum: ['running', 'done', 'failed'] },
    processed: { type: 'integer' }, total: { type: 'integer' },
    report: reportSchema, problems: { type: 'array', items: open },
  },
} as const;

const plugin: FastifyPluginAsync = async (app) => {
  await acceptUploads(app, TABULAR_LIMITS.maxBytes);
  const jobs = createImportJobs<JobResult>();

  app.post<{ Params: { app: string; entity: string }; Querystring: { dryRun: boolean; background: boolean } }>('/apps/:app/records/:entity/import', {
    schema: {
      tags: [TAG], summary: 'Import records from CSV or XLSX (multipart "file"): per-row report, all-or-nothing apply',
      consumes: ['multipart/form-data'],
      params: entityParams,
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { dryRun: { type: 'boolean', default: false }, background: { type: 'boolean', default: false } },
      },
      response: { 200: reportSchema, 202: jobSchema, ...problemResponses(400, 401, 403, 404, 413, 422) },
    },
  }, async (request, reply) => {
    const { app: appId, entity } = request.params;
    const ctx = await recordContext(app, request, appId);
    // refused before the upload is read
    allow(ctx, 'import', entity);
    const definition = ctx.model.entity(entity).definition;
    const upload = await readUpload(request, () => serviceProblems.uploadTooLarge(TABULAR_LIMITS.maxBytes));
    const sheet = await sheetRows(upload.bytes, upload.filename, definition);
    const { dryRun, background } = request.query;
    if (!background) return importRows(ctx, entity, sheet, { dryRun });

    const job = jobs.start(requireUser(request).id, sheet.rows.length * (dryRun ? 1 : 2));
    importRows(ctx, entity, sheet, { dryRun, progress: (processed) => (job.processed = processed) }).then(
      (report) => jobs.finish(job, 'done', { report }),
      (error: unknown) => {
        if (!isTrellisError(error)) request.log.error({ err: error }, 'import job failed');
        jobs.finish(job, 'failed', { problems: isTrellisError(error) ? error.problems : [serviceProblems.importJobFailed()] });
      },
    );
    return reply.code(202).header('location', `${request.url.split('/records/')[0] ?? ''}/imports/${job.id}`).send(job);
  });

  app.get<{ Params: { app: string; id: string } }>('/apps/:app/imports/:id', {
    schema: {
      tags: [TAG], summary: "A background import's progress and, once finished, its report or problems",
      params: { type: 'object', required: ['app', 'id'], properties: { app: { type: 'string' }, id: { type: 'string' } } },
      response: { 200: jobSchema, ...problemResponses(401, 404) },
    },
  }, async (request) => {
    const job = jobs.get(request.params.id);
    // someone else's job reads as no job
    if (job === undefined || job.owner !== requireUser(request).id) throw app.problem(404, serviceProblems.importJobNotFound(request.params.id));
    const { owner: _owner, result, ...visible } = job;
    return { ...visible, ...(result ?? {}) };
  });
};

export default plugin;
