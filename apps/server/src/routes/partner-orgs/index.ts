import type { FastifyPluginAsync } from 'fastify';
import { problemResponses } from '../../http/schemas.js';
import { ADMIN_ROLE } from '../../identity/session-user.js';
import { requireUser } from '../../plugins/auth.js';
import { partnerOrgSchema } from '../auth/schemas.js';

const TAGS = ['partner-orgs'];

const createBodySchema = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    region: { type: ['string', 'null'], minLength: 1, maxLength: 64 },
  },
} as const;

/**
 * Partner organisations. Anyone signed in may list them, but a user who belongs to one sees only
 * its own: partners never learn of each other. Creating one is for admins.
 */
const partnerOrgRoutes: FastifyPluginAsync = async (app) => {
  app.get('/partner-orgs', {
    schema: {
      tags: TAGS,
      summary: 'List partner organisations (a partner user sees only its own)',
      response: { 200: { type: 'array', items: partnerOrgSchema }, ...problemResponses(401) },
    },
  }, async (request) => {
    const me = requireUser(request);
    if (me.partnerOrg === null) return app.storage.read.partnerOrgs.list();
    const own = await app.storage.read.partnerOrgs.get(me.partnerOrg);
    return own === null ? [] : [own];
  });

  app.post<{ Body: { id: string; name: string; region?: string | null } }>('/partner-orgs', {
    schema: {
      tags: TAGS,
      summary: 'Create a partner organisation',
      body: createBodySchema,
      response: { 201: partnerOrgSchema, ...problemResponses(400, 401, 403, 409) },
    },
    config: { roles: [ADMIN_ROLE] },
  }, async (request, reply) => {
    const actor = requireUser(request).id;
    const org = await app.storage.transaction(async (tx) => {
      const created = await tx.partnerOrgs.create(request.body);
      await tx.audit.append({ action: 'partner_org.create', actor, requestId: request.id, after: { ...created } });
      return created;
    });
    return reply.code(201).send(org);
  });
};

export default partnerOrgRoutes;
