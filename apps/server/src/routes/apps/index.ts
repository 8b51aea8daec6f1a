/**
 * The apps of this server: listed for every signed-in user (the studio's and portal's first
 * screen), created by admins so they can build one from scratch in the studio: empty but for the
 * administrator role and its grant.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { JsonObject, LocalizedLabel } from '@trellis/storage';
import { problemResponses } from '../../http/schemas.js';
import { ADMIN_ROLE } from '../../identity/session-user.js';
import { requireUser } from '../../plugins/auth.js';

const TAGS = ['apps'];
const appSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, label: { type: 'object', additionalProperties: { type: 'string' } },
    templateVersion: { type: ['string', 'null'] }, createdAt: { type: 'string' }, updatedAt: { type: 'string' },
  },
} as const;

const text = { type: 'string', minLength: 1, maxLength: 200 } as const;
const labelSchema = { type: 'object', required: ['zh-CN', 'en'], additionalProperties: false, properties: { 'zh-CN': text, en: text } } as const;

/**
 * What a new app starts with: the server's own administrator role and a grant letting it do
 * everything, so the admin who builds the app can try its forms; other roles come later.
 */
function adminDefinitions(): { kind: string; id: string; body: JsonObject }[] {
  return [
    { kind: 'role', id: ADMIN_ROLE, body: { id: ADMIN_ROLE, label: { 'zh-CN': '系统管理员', en: 'Administrator' } } },
    {
      kind: 'permission',
      id: 'admin_everything',
      body: {
        kind: 'permission', formatVersion: 1, id: 'admin_everything',
        label: { 'zh-CN': '管理员：全部数据', en: 'Administrators: everything' },
        roles: [ADMIN_ROLE], entity: '*', actions: ['read', 'create', 'update', 'delete', 'export', 'import'], readableFields: '*', writableFields: '*',
      },
    },
  ];
}

const appRoutes: FastifyPluginAsync = async (app) => {
  app.get('/apps', {
    schema: { tags: TAGS, summary: 'List the apps', response: { 200: { type: 'array', items: appSchema }, ...problemResponses(401) } },
  }, async () => app.storage.read.apps.list());

  app.post<{ Body: { id: string; label: LocalizedLabel } }>('/apps', {
    schema: {
      tags: TAGS,
      summary: 'Create an empty app',
      body: {
        type: 'object', required: ['id', 'label'], additionalProperties: false,
        properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' }, label: labelSchema },
      },
      response: { 201: appSchema, ...problemResponses(400, 401, 403, 409) },
    },
    config: { roles: [ADMIN_ROLE] },
  }, async (request, reply) => {
    const context = { actor: requireUser(request).id, requestId: request.id };
    // the storage writes the audit entries of what it creates
    const created = await app.storage.transaction(async (tx) => {
      const made = await tx.apps.create({ ...request.body, ...context });
      for (const definition of adminDefinitions()) await tx.definitions.publish({ app: made.id, ...definition, ...context });
      return made;
    });
    return reply.code(201).send(created);
  });
};

export default appRoutes;
