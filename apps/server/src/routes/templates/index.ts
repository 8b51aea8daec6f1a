/**
 * App templates: export an app as the canonical template text; import with a dry-run report first
 * and an atomic apply (services/import-template.ts). Administrators only: a template carries every
 * definition, role and permission of an app.
 */
import type { FastifyPluginAsync } from 'fastify';
import { problemResponses } from '../../http/schemas.js';
import { ADMIN_ROLE } from '../../identity/session-user.js';
import { requireUser } from '../../plugins/auth.js';
import { exportAppTemplate } from '../../services/export-template.js';
import { importTemplate, planTemplateImport } from '../../services/import-template.js';

const TAG = 'templates';

const reportSchema = {
  type: 'object',
  required: ['ok', 'appId', 'plan', 'problems', 'warnings', 'records', 'applied'],
  properties: {
    ok: { type: 'boolean' },
    appId: { type: ['string', 'null'] },
    plan: { type: ['object', 'null'], additionalProperties: true, description: 'what is new, changed, unchanged, conflicting' },
    problems: { type: 'array', items: { type: 'object', additionalProperties: true } },
    warnings: { type: 'array', items: { type: 'object', additionalProperties: true } },
    records: { type: 'object', additionalProperties: { type: 'integer' }, description: 'sample records per entity' },
    applied: { type: 'boolean' },
  },
} as const;

const plugin: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { app: string } }>('/apps/:app/template', {
    schema: {
      tags: [TAG], summary: 'Export an app as its template (canonical JSON with content hash)',
      params: { type: 'object', required: ['app'], properties: { app: { type: 'string' } } },
      response: { 200: { type: 'string', description: 'the template file' }, ...problemResponses(401, 403, 404) },
    },
    config: { roles: [ADMIN_ROLE] },
  }, async (request, reply) => {
    const text = await exportAppTemplate(app.storage.read, request.params.app);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${request.params.app}.template.json"`)
      .send(text);
  });

  app.post<{ Querystring: { dryRun?: boolean }; Body: unknown }>('/templates/import', {
    schema: {
      tags: [TAG], summary: 'Import an app template (dryRun=true: the plan only)',
      querystring: { type: 'object', additionalProperties: false, properties: { dryRun: { type: 'boolean', default: false } } },
      body: { type: 'object', description: 'an app template' },
      response: { 200: reportSchema, ...problemResponses(400, 401, 403, 409, 413, 422) },
    },
    // templates with sample data are larger than ordinary requests
    bodyLimit: 16 * 1024 * 1024,
    config: { roles: [ADMIN_ROLE] },
  }, async (request) => {
    if (request.query.dryRun === true) return planTemplateImport(app.storage, request.body);
    const user = requireUser(request);
    return importTemplate(app.storage, request.body, { actor: user.id, requestId: request.id, now: app.clock.now() });
  });
};

export default plugin;
