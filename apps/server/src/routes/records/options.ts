/** `GET /apps/:app/entities/:entity/fields/:field/options?q=`: the records a select field may refer to. */
import type { FastifyPluginAsync } from 'fastify';
import { problemResponses } from '../../http/schemas.js';
import { OPTIONS_LIMIT, listOptions } from '../../services/record-options.js';
import { recordContext } from './context.js';
import { TAG, entityParams } from './schemas.js';

interface Params { app: string; entity: string; field: string }

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
        properties: { q: { type: 'string', maxLength: 100, description: 'only options whose label contains this text' } },
      },
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object', required: ['value', 'label'],
            properties: { value: { type: 'string', description: 'the record id to store' }, label: { type: 'string' } },
          },
        },
        ...problemResponses(400, 401, 403, 404),
      },
    },
  }, async (request) => {
    const { app: appId, entity, field } = request.params;
    return listOptions(await recordContext(app, request, appId), entity, field, request.query.q);
  });
};

export default plugin;
