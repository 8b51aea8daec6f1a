import type { FastifyPluginAsync } from 'fastify';
import { HttpProblem } from '../../http/http-problem.js';
import { problemResponses } from '../../http/schemas.js';
import { identityProblems } from '../../identity/problems.js';
import { endSession, startSession, type SessionSettings } from '../../identity/sessions.js';
import { toSessionUser } from '../../identity/session-user.js';
import { requireUser } from '../../plugins/auth.js';
import { describeMe } from './me.js';
import { loginBodySchema, meSchema, passwordBodySchema } from './schemas.js';

export interface AuthRouteOptions {
  readonly sessions: SessionSettings;
  /** sign-in attempts allowed per client address and username within `windowMs` */
  readonly loginLimit: { readonly max: number; readonly windowMs: number };
}

const TAGS = ['auth'];

/** Sign in and out, who am I, change my password. */
const authRoutes: FastifyPluginAsync<AuthRouteOptions> = async (app, options) => {
  app.post<{ Body: { username: string; password: string } }>('/auth/login', {
    schema: {
      tags: TAGS,
      summary: 'Sign in: sets the httpOnly session cookie',
      body: loginBodySchema,
      response: { 200: meSchema, ...problemResponses(400, 401, 429) },
    },
    config: {
      public: true,
      rateLimit: {
        max: options.loginLimit.max,
        timeWindow: options.loginLimit.windowMs,
        // after schema validation, so the username is there; per address and name, so one noisy
        // client cannot lock a user out from everywhere
        hook: 'preHandler',
        keyGenerator: (request) => `${request.ip}|${(request.body as { username: string }).username.toLowerCase()}`,
      },
    },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const user = await app.storage.read.users.getByUsername(username);
    const verified = user === null || user.disabled
      ? await app.passwords.verifyDecoy(password)
      : await app.passwords.verify(password, user.passwordHash);
    if (!verified || user === null) {
      request.log.warn({ username }, 'sign-in failed');
      throw new HttpProblem(401, identityProblems.invalidCredentials());
    }
    await app.storage.transaction(async (tx) => {
      await startSession(tx, reply, user.id, app.clock.now(), options.sessions);
      await tx.audit.append({ action: 'user.login', actor: user.id, requestId: request.id });
    });
    return describeMe(app.storage.read, toSessionUser(user));
  });

  app.post('/auth/logout', {
    schema: { tags: TAGS, summary: 'Sign out: ends the session and clears its cookie', response: { 204: { type: 'null' } } },
    config: { public: true },
  }, async (request, reply) => {
    await app.storage.transaction((tx) => endSession(tx, request, reply, options.sessions));
    return reply.code(204).send();
  });

  app.get('/auth/me', {
    schema: { tags: TAGS, summary: 'The signed-in user, roles, partner organisation, regions and locale', response: { 200: meSchema, ...problemResponses(401) } },
  }, async (request) => describeMe(app.storage.read, requireUser(request)));

  app.post<{ Body: { currentPassword: string; newPassword: string } }>('/auth/password', {
    schema: {
      tags: TAGS,
      summary: 'Change my password; ends my other sessions',
      body: passwordBodySchema,
      response: { 204: { type: 'null' }, ...problemResponses(400, 401, 403) },
    },
  }, async (request, reply) => {
    const me = requireUser(request);
    const { currentPassword, newPassword } = request.body;
    const stored = await app.storage.read.users.get(me.id);
    if (stored === null || !(await app.passwords.verify(currentPassword, stored.passwordHash))) {
      throw new HttpProblem(403, identityProblems.wrongCurrentPassword());
    }
    if (currentPassword === newPassword) throw new HttpProblem(400, identityProblems.samePassword());
    const passwordHash = await app.passwords.hash(newPassword);
    await app.storage.transaction(async (tx) => {
      await tx.users.update(me.id, { passwordHash, mustChangePassword: false });
      await tx.sessions.deleteForUser(me.id);
      await startSession(tx, reply, me.id, app.clock.now(), options.sessions);
      await tx.audit.append({ action: 'user.password', actor: me.id, requestId: request.id });
    });
    return reply.code(204).send();
  });
};

export default authRoutes;
