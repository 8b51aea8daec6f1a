/** `GET …/records/:entity/export?format=csv|xlsx`: the records the user may export, as a file. */
import type { FastifyPluginAsync } from 'fastify';
import { LOCALES, type Locale } from '@trellis/errors';
import { problemResponses } from '../../http/schemas.js';
import { EXPORT_TYPES, exportRecords, type ExportFormat } from '../../services/record-export.js';
import { recordContext } from './context.js';
import { listRequestFromQuery, type ListQuerystring } from './parse.js';
import { TAG, entityParams, listQuerystring } from './schemas.js';

interface ExportQuery extends ListQuerystring {
  format?: ExportFormat;
  locale?: Locale;
}

const plugin: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { app: string; entity: string }; Querystring: ExportQuery }>('/apps/:app/records/:entity/export', {
    schema: {
      tags: [TAG], summary: 'Export records as CSV or XLSX (labels in the requested language)',
      params: entityParams,
      querystring: {
        ...listQuerystring,
        properties: {
          filter: listQuerystring.properties.filter,
          sort: listQuerystring.properties.sort,
          columns: listQuerystring.properties.columns,
          format: { type: 'string', enum: ['csv', 'xlsx'], default: 'csv' },
          locale: { type: 'string', enum: [...LOCALES], description: 'header language; default from Accept-Language' },
        },
      },
      response: { 200: { type: 'string', format: 'binary' }, ...problemResponses(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    const { app: appId, entity } = request.params;
    const { format = 'csv', locale = request.locale, ...list } = request.query;
    const { after: _after, limit: _limit, ...listRequest } = listRequestFromQuery(list);
    const bytes = await exportRecords(await recordContext(app, request, appId), entity, { ...listRequest, format, locale });
    return reply
      .type(EXPORT_TYPES[format])
      .header('content-disposition', `attachment; filename="${entity}.${format}"`)
      .send(Buffer.from(bytes));
  });
};

export default plugin;
