/**
 * Definitions of an app: drafts (admins edit), validation, publishing immutable versions, versions
 * and their diff. Reading the published definitions is open to every signed-in user: the browser
 * renders its forms from them.
 */
import type { FastifyPluginAsync } from 'fastify';
import { TrellisError } from '@trellis/errors';
import { problemResponses } from '../../http/schemas.js';
import { ADMIN_ROLE } from '../../identity/session-user.js';
import { requireUser } from '../../plugins/auth.js';
import {
  EDITABLE_KINDS, checkDefinition, diffVersions, getVersion, publishDraft, saveDraft, type DefinitionRef,
} from '../../services/definitions.js';
import { serviceProblems } from '../../services/problems.js';

const TAG = 'definitions';
const ID = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' } as const;
const appParams = { type: 'object', required: ['app'], properties: { app: ID } } as const;
const refParams = {
  type: 'object',
  required: ['app', 'kind', 'id'],
  properties: { app: ID, kind: { type: 'string', enum: [...EDITABLE_KINDS] }, id: ID },
} as const;
const open = { type: 'object', additionalProperties: true } as const;
const stamp = { type: 'string' } as const;
const summary = {
  type: 'object',
  properties: {
    app: { type: 'string' }, kind: { type: 'string' }, id: { type: 'string' }, version: { type: 'integer' },
    contentHash: { type: 'string' }, publishedAt: stamp, publishedBy: { type: 'string' },
  },
} as const;
const versionSchema = { ...summary, properties: { ...summary.properties, body: open, created: { type: 'boolean' } } } as const;
const draftSchema = {
  type: 'object',
  properties: {
    app: { type: 'string' }, kind: { type: 'string' }, id: { type: 'string' }, body: open,
    basedOn: { type: ['integer', 'null'] }, updatedAt: stamp, updatedBy: { type: 'string' },
  },
} as const;
const checkSchema = {
  type: 'object',
  required: ['ok', 'problems'],
  properties: { ok: { type: 'boolean' }, problems: { type: 'array', items: open } },
} as const;

type RefParams = DefinitionRef;
const admin = { roles: [ADMIN_ROLE] } as const;

const plugin: FastifyPluginAsync = async (app) => {
  const context = (request: Parameters<typeof requireUser>[0]) => ({ actor: requireUser(request).id, requestId: request.id });

  app.get<{ Params: { app: string }; Querystring: { kind?: string } }>('/apps/:app/definitions', {
    schema: {
      tags: [TAG], summary: 'List the definitions of an app (latest version, draft or not)',
      params: appParams,
      querystring: { type: 'object', additionalProperties: false, properties: { kind: { type: 'string' } } },
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              app: { type: 'string' }, kind: { type: 'string' }, id: { type: 'string' }, latestVersion: { type: ['integer', 'null'] },
              contentHash: { type: ['string', 'null'] }, publishedAt: { type: ['string', 'null'] }, hasDraft: { type: 'boolean' },
            },
          },
        },
        ...problemResponses(401),
      },
    },
  }, async (request) => app.storage.read.definitions.listDefinitions(request.params.app, request.query.kind));

  app.get<{ Params: RefParams }>('/apps/:app/definitions/:kind/:id', {
    schema: { tags: [TAG], summary: 'The latest published version', params: refParams, response: { 200: versionSchema, ...problemResponses(401, 404) } },
  }, async (request) => {
    const { app: appId, kind, id } = request.params;
    const found = await app.storage.read.definitions.getPublished({ app: appId, kind, id });
    if (found === null) throw new TrellisError([serviceProblems.definitionNotFound(kind, id)]);
    return found;
  });

  app.put<{ Params: RefParams; Body: unknown }>('/apps/:app/definitions/:kind/:id/draft', {
    schema: {
      tags: [TAG], summary: 'Create or replace the draft (checked against the published schema)',
      params: refParams, body: open, response: { 200: draftSchema, ...problemResponses(400, 401, 403, 404, 422) },
    },
    config: admin,
  }, async (request) => saveDraft(app.storage, request.params, request.body, context(request)));

  app.get<{ Params: RefParams }>('/apps/:app/definitions/:kind/:id/draft', {
    schema: { tags: [TAG], summary: 'The draft', params: refParams, response: { 200: draftSchema, ...problemResponses(401, 403, 404) } },
    config: admin,
  }, async (request) => {
    const found = await app.storage.read.definitions.getDraft(request.params);
    if (found === null) throw new TrellisError([serviceProblems.noDraft(request.params.kind, request.params.id)]);
    return found;
  });

  app.delete<{ Params: RefParams }>('/apps/:app/definitions/:kind/:id/draft', {
    schema: { tags: [TAG], summary: 'Discard the draft', params: refParams, response: { 204: { type: 'null' }, ...problemResponses(401, 403, 404) } },
    config: admin,
  }, async (request, reply) => {
    await app.storage.transaction((tx) => tx.definitions.discardDraft({ ...request.params, ...context(request) }));
    return reply.code(204).send();
  });

  app.post<{ Params: RefParams; Body: unknown }>('/apps/:app/definitions/:kind/:id/validate', {
    schema: {
      tags: [TAG], summary: 'Check a document (the body) or, without a body, the draft; stores nothing',
      params: refParams, response: { 200: checkSchema, ...problemResponses(401, 403, 404) },
    },
    config: admin,
  }, async (request) => {
    let body = request.body;
    if (body === undefined || body === null) {
      const draft = await app.storage.read.definitions.getDraft(request.params);
      if (draft === null) throw new TrellisError([serviceProblems.noDraft(request.params.kind, request.params.id)]);
      body = draft.body;
    }
    const result = checkDefinition(request.params, body);
    return { ok: result.ok, problems: result.ok ? [] : result.problems };
  });

  app.post<{ Params: RefParams }>('/apps/:app/definitions/:kind/:id/publish', {
    schema: {
      tags: [TAG], summary: 'Publish the draft as the next immutable version',
      params: refParams, response: { 200: versionSchema, ...problemResponses(401, 403, 404, 422) },
    },
    config: admin,
  }, async (request) => publishDraft(app.storage, request.params, context(request)));

  app.get<{ Params: RefParams }>('/apps/:app/definitions/:kind/:id/versions', {
    schema: { tags: [TAG], summary: 'Published versions, oldest first', params: refParams, response: { 200: { type: 'array', items: summary }, ...problemResponses(401) } },
  }, async (request) => app.storage.read.definitions.listVersions(request.params));

  app.get<{ Params: RefParams & { version: number } }>('/apps/:app/definitions/:kind/:id/versions/:version', {
    schema: {
      tags: [TAG], summary: 'One published version',
      params: { ...refParams, required: [...refParams.required, 'version'], properties: { ...refParams.properties, version: { type: 'integer', minimum: 1 } } },
      response: { 200: versionSchema, ...problemResponses(401, 404) },
    },
  }, async (request) => {
    const { version, ...ref } = request.params;
    return getVersion(app.storage, ref, version);
  });

  app.get<{ Params: RefParams; Querystring: { from: number; to: number } }>('/apps/:app/definitions/:kind/:id/diff', {
    schema: {
      tags: [TAG], summary: 'What changed between two versions (JSON pointers)',
      params: refParams,
      querystring: {
        type: 'object', required: ['from', 'to'], additionalProperties: false,
        properties: { from: { type: 'integer', minimum: 1 }, to: { type: 'integer', minimum: 1 } },
      },
      response: {
        200: { type: 'object', properties: { from: { type: 'integer' }, to: { type: 'integer' }, changes: { type: 'array', items: { type: 'string' } } } },
        ...problemResponses(401, 404),
      },
    },
  }, async (request) => diffVersions(app.storage, request.params, request.query.from, request.query.to));
};

export default plugin;
