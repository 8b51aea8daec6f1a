/**
 * `GET /apps/:app/entities/:entity/fields/:field/options?q=`: the records a select field may refer to;
 * `GET /apps/:app/entities/:entity/options?labelField=&q=`: an entity's records as options, for a
 * field not yet published (the studio's preview of a draft).
 */
import type { FastifyPluginAsync } from 'fastify';
import { problemResponses } from '../../http/schemas.js';
import { OPTIONS_LIMIT, listOptions, listSourceOptions } from '../../services/record-options.js';
import { recordContext } from './context.js';
import { TAG, entityParams } from './schemas.js';

interface Params { app: string; entity: string; field: string }

const q = { type: 'string', maxLength: 100, description: 'only options whose label contains this text' } as const;
const optionList = {
  type: 'array',
  items: {
    type: 'object', required: ['value', 'label'],
    properties: { value: { type: 'string', description: 'the record id to store' }, label: { type: 'string' } },
  },
} as const;

const plugin: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Params; Querystring: { q?: string } }>('/apps/:app/entities/:entity/fields/:field/options', {
    schema: {
      tags: [TAG],
      summary: `The options of a select field whose options are another entity's records (those you may read, at most ${OPTIONS_LIMIT})`,
      params: {
        ...entityParams,
        required: [...entityParams.required, 'field'],
        properties: { ...entityParams.properties, field: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' } },
      },
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { q },
      },
      response: { 200: optionList, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { app: appId, entity, field } = request.params;
    return listOptions(await recordContext(app, request, appId), entity, field, request.query.q);
  });

  app.get<{ Params: Omit<Params, 'field'>; Querystring: { labelField: string; q?: string } }>('/apps/:app/entities/:entity/options', {
    schema: {
      tags: [TAG],
      summary: `An entity's records you may read as options, labelled by one of its fields (at most ${OPTIONS_LIMIT})`,
      params: entityParams,
      querystring: {
        type: 'object', additionalProperties: false, required: ['labelField'],
        properties: { labelField: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }, q },
      },
      response: { 200: optionList, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request) => {
    const { app: appId, entity } = request.params;
    const { labelField } = request.query;
    return listSourceOptions(await recordContext(app, request, appId), { entity, labelField }, request.query.q);
  });
};

export default plugin;
