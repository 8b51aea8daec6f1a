import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/http-problem.js';
import { negotiateLocale } from '../http/locale.js';
import { identityProblems } from '../identity/problems.js';
import { sessionUser } from '../identity/sessions.js';
import { hasAnyRole, type SessionUser } from '../identity/session-user.js';

const isApiRoute = (url: string | undefined) => url !== undefined && url.startsWith('/api/');

/** The signed-in user of a protected route (the auth hook has already refused anonymous requests). */
export function requireUser(request: FastifyRequest): SessionUser {
  if (request.user === null) throw new HttpProblem(401, identityProblems.authRequired());
  return request.user;
}

/**
 * Sessions for every /api route: the cookie's user becomes `request.user`; routes are protected
 * unless `config.public`, and `config.roles` restricts them further. Runs on `onRequest`, so an
 * anonymous request is refused before its body is read. Protected routes are marked in the
 * OpenAPI document as needing the session cookie.
 */
export async function installAuth(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('publishedFingerprint', null);
  app.decorateRequest('locale', 'en');

  app.addHook('onRoute', (route) => {
    if (!isApiRoute(route.url) || route.config?.public === true) return;
    route.schema = { ...route.schema, security: [{ session: [] }] } as typeof route.schema;
  });

  app.addHook('onRequest', async (request) => {
    request.locale = negotiateLocale(request.headers['accept-language']);
    if (!isApiRoute(request.routeOptions.url)) return;
    const config = request.routeOptions.config;
    const session = await sessionUser(app.storage.read, request);
    request.user = session?.user ?? null;
    request.publishedFingerprint = session?.publishedFingerprint ?? null;
    if (config.public === true) return;
    if (request.user === null) throw new HttpProblem(401, identityProblems.authRequired());
    const roles = config.roles;
    if (roles !== undefined && !hasAnyRole(request.user, roles)) throw new HttpProblem(403, identityProblems.forbidden(roles));
  });
}
