/**
 * Records of any published entity: create and update through the entity's form, read, list with
 * JSON Logic filters (scope ANDed by storage), history, delete; export and import in export.ts
 * and import.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import { problemResponses } from '../../http/schemas.js';
import {
  createRecord, deleteRecord, getRecord, listRecords, recordHistory, updateRecord, type RecordView,
} from '../../services/records.js';
import { recordContext } from './context.js';
import exportRoutes from './export.js';
import importRoutes from './import.js';
import optionRoutes from './options.js';
import { listRequestFromBody, listRequestFromQuery, revisionOf, type ListQuerystring, type QueryBody } from './parse.js';
import {
  TAG, auditPageSchema, createBody, entityParams, listQuerystring, pageSchema, queryBody, recordParams, recordSchema, updateBody,
} from './schemas.js';

interface EntityParams { app: string; entity: string }
interface RecordParams extends EntityParams { id: string }

const etag = (record: RecordView) => `"${record.revision}"`;
const BASE = '/apps/:app/records/:entity';

const plugin: FastifyPluginAsync = async (app) => {
  app.post<{ Params: EntityParams; Body: { data: Record<string, unknown> } }>(BASE, {
    schema: {
      tags: [TAG], summary: 'Create a record through the entity form',
      params: entityParams, body: createBody,
      response: { 201: recordSchema, ...problemResponses(400, 401, 403, 404, 422) },
    },
  }, async (request, reply) => {
    const { app: appId, entity } = request.params;
    const record = await createRecord(await recordContext(app, request, appId), entity, request.body.data);
    return reply.code(201).header('etag', etag(record)).send(record);
  });

  app.get<{ Params: EntityParams; Querystring: ListQuerystring }>(BASE, {
    schema: {
      tags: [TAG], summary: 'List records (filter: URL-encoded JSON Logic)',
      params: entityParams, querystring: listQuerystring,
      response: { 200: pageSchema, ...problemResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => {
    const { app: appId, entity } = request.params;
    return listRecords(await recordContext(app, request, appId), entity, listRequestFromQuery(request.query));
  });

  app.post<{ Params: EntityParams; Body: QueryBody }>(`${BASE}/query`, {
    schema: {
      tags: [TAG], summary: 'List records with the query in the body',
      params: entityParams, body: queryBody,
      response: { 200: pageSchema, ...problemResponses(400, 401, 403, 404, 422) },
    },
  }, async (request) => {
    const { app: appId, entity } = request.params;
    return listRecords(await recordContext(app, request, appId), entity, listRequestFromBody(request.body));
  });

  app.get<{ Params: RecordParams }>(`${BASE}/:id`, {
    schema: {
      tags: [TAG], summary: 'Read a record',
      params: recordParams, response: { 200: recordSchema, ...problemResponses(401, 403, 404) },
    },
  }, async (request, reply) => {
    const { app: appId, entity, id } = request.params;
    const record = await getRecord(await recordContext(app, request, appId), entity, id);
    return reply.header('etag', etag(record)).send(record);
  });

  app.put<{ Params: RecordParams; Body: { data: Record<string, unknown>; revision?: number } }>(`${BASE}/:id`, {
    schema: {
      tags: [TAG], summary: 'Update a record (needs its revision: If-Match or body)',
      params: recordParams, body: updateBody,
      response: { 200: recordSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const { app: appId, entity, id } = request.params;
    const revision = revisionOf(request.headers['if-match'], request.body.revision);
    const record = await updateRecord(await recordContext(app, request, appId), entity, id, request.body.data, revision);
    return reply.header('etag', etag(record)).send(record);
  });

  app.delete<{ Params: RecordParams; Querystring: { revision?: number } }>(`${BASE}/:id`, {
    schema: {
      tags: [TAG], summary: 'Delete a record (needs its revision: If-Match or ?revision=)',
      params: recordParams,
      querystring: { type: 'object', additionalProperties: false, properties: { revision: { type: 'integer', minimum: 1 } } },
      response: { 204: { type: 'null' }, ...problemResponses(401, 403, 404, 409, 422) },
    },
  }, async (request, reply) => {
    const { app: appId, entity, id } = request.params;
    const revision = revisionOf(request.headers['if-match'], request.query.revision);
    await deleteRecord(await recordContext(app, request, appId), entity, id, revision);
    return reply.code(204).send();
  });

  app.get<{ Params: RecordParams; Querystring: { cursor?: string } }>(`${BASE}/:id/history`, {
    schema: {
      tags: [TAG], summary: "A record's audit history, newest first",
      params: recordParams,
      querystring: { type: 'object', additionalProperties: false, properties: { cursor: { type: 'string' } } },
      response: { 200: auditPageSchema, ...problemResponses(401, 403, 404) },
    },
  }, async (request) => {
    const { app: appId, entity, id } = request.params;
    return recordHistory(await recordContext(app, request, appId), entity, id, request.query.cursor);
  });

  await app.register(exportRoutes);
  await app.register(importRoutes);
  await app.register(optionRoutes);
};

export default plugin;
