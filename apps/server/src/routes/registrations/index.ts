/**
 * Self-registration: where an app's template opens a role to sign-up (a role with
 * `selfRegistration`), anyone may create an organisation of their own and its first user with that
 * role, without an invitation. The role's permissions decide what they can do; the organisation
 * stands as every new one does, with nothing approved yet. The e-mail address is the username, so
 * the username's uniqueness makes a second sign-up with one address fail. Public and rate-limited
 * per client address.
 */
import type { FastifyPluginAsync } from 'fastify';
import { isTrellisError } from '@trellis/errors';
import type { StorageTx } from '@trellis/storage';
import { HttpProblem } from '../../http/http-problem.js';
import { problemResponses } from '../../http/schemas.js';
import { insertUser, prepareUser, type PreparedUser } from '../../identity/users.js';
import { idsInRecords, nextOrganisationId, openRole, type OpenRole } from './policy.js';
import { registrationProblems } from './problems.js';
import { appParams, registeredUser, registrationBody, registrationPolicy } from './schemas.js';

const TAGS = ['registrations'];
/** sign-ups per client address per window: enough for an office behind one address */
const LIMIT = { max: 10, timeWindow: 10 * 60_000 };
/** a concurrent sign-up may take the organisation id just chosen; then the next one is tried */
const ID_ATTEMPTS = 3;

interface Body {
  organisation: { name: string };
  email: string;
  password: string;
  displayName?: string;
  locale?: 'zh-CN' | 'en';
}

const isDuplicate = (error: unknown, path: string) =>
  isTrellisError(error) && error.code === 'STORAGE_DUPLICATE' && error.problems[0]?.path === path;

const plugin: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { app: string } }>('/apps/:app/registration', {
    schema: {
      tags: TAGS,
      summary: 'Whether anyone may sign up for this app without an invitation',
      params: appParams,
      response: { 200: registrationPolicy, ...problemResponses(404) },
    },
    config: { public: true },
  }, async (request) => ({ open: (await openRole(app.storage.read, request.params.app)) !== null }));

  async function register(tx: StorageTx, appId: string, open: OpenRole, name: string, prepared: PreparedUser, requestId: string) {
    const format = open.settings.organisationId;
    const taken = [...(await tx.partnerOrgs.list()).map((org) => org.id), ...(await idsInRecords(tx.sql, appId, format))];
    const org = await tx.partnerOrgs.create({ id: nextOrganisationId(format, taken), name });
    const { user } = await insertUser(tx, { ...prepared, create: { ...prepared.create, partnerOrg: org.id } }, { actor: 'registration', requestId });
    await tx.audit.append({ action: 'registration.create', actor: user.id, requestId, after: { partnerOrg: org.id, name, role: open.role } });
    return { username: user.username, partnerOrg: org.id };
  }

  app.post<{ Params: { app: string }; Body: Body }>('/apps/:app/registrations', {
    schema: {
      tags: TAGS,
      summary: "Sign up without an invitation (when the app's template allows it): a new organisation and its first user",
      params: appParams,
      body: registrationBody,
      response: { 201: registeredUser, ...problemResponses(400, 403, 404, 409, 429) },
    },
    config: {
      public: true,
      rateLimit: {
        ...LIMIT,
        errorResponseBuilder: (_request: unknown, context: { ttl: number }) => {
          const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
          return new HttpProblem(429, registrationProblems.tooMany(seconds), { 'retry-after': String(seconds) });
        },
      },
    },
  }, async (request, reply) => {
    const open = await openRole(app.storage.read, request.params.app);
    if (open === null) throw new HttpProblem(403, registrationProblems.closed(request.params.app));
    const { organisation, email, password, displayName, locale } = request.body;
    const address = email.toLowerCase();
    const prepared = await prepareUser(app.passwords, {
      username: address, email: address, password, roles: [open.role],
      displayName: displayName ?? organisation.name, ...(locale === undefined ? {} : { locale }),
    });
    for (let attempt = 1; ; attempt += 1) {
      try {
        const created = await app.storage.transaction((tx) => register(tx, request.params.app, open, organisation.name.trim(), prepared, request.id));
        return await reply.code(201).send(created);
      } catch (error) {
        if (isDuplicate(error, 'username')) throw new HttpProblem(409, registrationProblems.emailTaken());
        if (!isDuplicate(error, 'id') || attempt === ID_ATTEMPTS) throw error;
      }
    }
  });
};

export default plugin;
