import type { FastifyPluginAsync } from 'fastify';
import { HttpProblem } from '../../http/http-problem.js';
import { problemResponses } from '../../http/schemas.js';
import { identityProblems } from '../../identity/problems.js';
import { ADMIN_ROLE } from '../../identity/session-user.js';
import { createUser, updateUser, type NewUser, type UserUpdate } from '../../identity/users.js';
import { requireUser } from '../../plugins/auth.js';
import { createUserBodySchema, createUserResponseSchema, updateUserBodySchema, userIdParamsSchema, userSchema } from './schemas.js';
import type { User } from '@trellis/storage';

const TAGS = ['users'];
const ADMIN_ONLY = { roles: [ADMIN_ROLE] };

function userView(user: User) {
  const { passwordHash: _hidden, ...visible } = user;
  return visible;
}

/** User administration (admin role only). Roles are ids from the app's definitions. */
const userRoutes: FastifyPluginAsync = async (app) => {
  app.get('/users', {
    schema: { tags: TAGS, summary: 'List users', response: { 200: { type: 'array', items: userSchema }, ...problemResponses(401, 403) } },
    config: ADMIN_ONLY,
  }, async () => (await app.storage.read.users.list()).map(userView));

  app.post<{ Body: NewUser }>('/users', {
    schema: {
      tags: TAGS,
      summary: 'Create a user; without a password, a one-time password is generated and returned once',
      body: createUserBodySchema,
      response: { 201: createUserResponseSchema, ...problemResponses(400, 401, 403, 404, 409) },
    },
    config: ADMIN_ONLY,
  }, async (request, reply) => {
    const created = await createUser(app.storage, app.passwords, request.body, { actor: requireUser(request).id, requestId: request.id });
    return reply.code(201).send({ ...created, user: userView(created.user) });
  });

  app.patch<{ Params: { id: string }; Body: UserUpdate }>('/users/:id', {
    schema: {
      tags: TAGS,
      summary: 'Change a user: name, roles, partner organisation, regions, manager, locale, password, disabled',
      params: userIdParamsSchema,
      body: updateUserBodySchema,
      response: { 200: userSchema, ...problemResponses(400, 401, 403, 404) },
    },
    config: ADMIN_ONLY,
  }, async (request) => {
    const me = requireUser(request);
    const { id } = request.params;
    // an admin who disables or demotes itself could leave nobody able to administer
    if (id === me.id && request.body.disabled === true) throw new HttpProblem(422, identityProblems.cannotLockOutSelf('body.disabled'));
    if (id === me.id && request.body.roles !== undefined && !request.body.roles.includes(ADMIN_ROLE)) {
      throw new HttpProblem(422, identityProblems.cannotLockOutSelf('body.roles'));
    }
    if ((await app.storage.read.users.get(id)) === null) throw new HttpProblem(404, identityProblems.userNotFound(id));
    return userView(await updateUser(app.storage, app.passwords, id, request.body, { actor: me.id, requestId: request.id }));
  });
};

export default userRoutes;
