import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyServerOptions } from 'fastify';
import type { Storage } from '@trellis/storage';
import { HttpProblem } from './http/http-problem.js';
import { createPasswordHasher, type ScryptParams } from './identity/password.js';
import { identityProblems } from './identity/problems.js';
import { registerFlowJobs } from './flows/jobs.js';
import { DEFAULT_CALENDAR } from './flows/scope.js';
import { installJobs, type JobSettings } from './jobs/plugin.js';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from './identity/sessions.js';
import { installAuth } from './plugins/auth.js';
import { installOpenApi } from './plugins/openapi.js';
import { installProblems } from './plugins/problems.js';
import { installReadiness } from './plugins/readiness.js';
import { DEFAULT_UI_ROOTS, installUi, type UiRoots } from './plugins/ui.js';
import appRoutes from './routes/apps/index.js';
import attachmentRoutes from './routes/attachments/index.js';
import authRoutes from './routes/auth/index.js';
import definitionRoutes from './routes/definitions/index.js';
import flowRoutes from './routes/flows/index.js';
import healthRoutes from './routes/health/index.js';
import incentiveRoutes from './routes/incentives/index.js';
import invitationRoutes from './routes/invitations/index.js';
import partnerOrgRoutes from './routes/partner-orgs/index.js';
import recordRoutes from './routes/records/index.js';
import registrationRoutes from './routes/registrations/index.js';
import taskRoutes from './routes/tasks/index.js';
import templateRoutes from './routes/templates/index.js';
import userRoutes from './routes/users/index.js';
import { systemClock, type Clock } from './types.js';
import './types.js';

export interface BuildAppOptions {
  readonly storage: Storage;
  readonly clock?: Clock;
  /** fastify's logger: false (tests), true, or pino options such as `{ level: 'info' }` */
  readonly logger?: FastifyServerOptions['logger'];
  /** the largest request body accepted, in bytes (default 1 MiB); larger gets 413 */
  readonly bodyLimit?: number;
  readonly sessions?: Partial<SessionSettings>;
  /** sign-in attempts per client address and username per window (default 10 per minute) */
  readonly loginLimit?: { readonly max: number; readonly windowMs: number };
  /** scrypt cost for new password hashes; tests lower it, production keeps the default */
  readonly scrypt?: ScryptParams;
  /** the version shown in the OpenAPI document */
  readonly version?: string;
  /** built web UIs served at /NAME/ (default: apps/studio/dist and apps/portal/dist when built) */
  readonly uiRoots?: UiRoots;
  /** durable jobs: worker tuning, webhook secret, SMTP (the worker starts in `startServer`) */
  readonly jobs?: JobSettings;
}

/** A route plugin and the prefix it is mounted under. */
type RoutePlugin = readonly [FastifyPluginAsync, string];

/**
 * Every route plugin of the server, one line each. Data route plugins (definitions, records,
 * templates, attachments) add themselves here; see README "Writing a route plugin".
 */
const ROUTES: readonly RoutePlugin[] = [
  [healthRoutes, ''],
  [userRoutes, '/api'],
  [partnerOrgRoutes, '/api'],
  [definitionRoutes, '/api'],
  [recordRoutes, '/api'],
  [templateRoutes, '/api'],
  [attachmentRoutes, '/api'],
  [invitationRoutes, '/api'],
  [registrationRoutes, '/api'],
  [appRoutes, '/api'],
  [flowRoutes, '/api'],
  [taskRoutes, '/api'],
  [incentiveRoutes, '/api'],
];

/** `x-request-id` from the client is kept when it is a plausible id (it ends up in the logs). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The Trellis server as a fastify instance, not listening: tests drive it with `app.inject`,
 * `startServer` listens. The storage is not migrated here (see `prepareApp`): until then
 * `/healthz` and `/api/*` answer 503. Closing the app closes the storage.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Extra properties are refused (400 naming them), not silently dropped, and every field error
    // is reported at once.
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
  });

  app.decorate('storage', options.storage);
  app.decorate('clock', options.clock ?? systemClock);
  app.decorate('passwords', createPasswordHasher(options.scrypt));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onClose', async () => options.storage.close());
  installJobs(app, options.jobs);
  registerFlowJobs(app.jobs.handlers, DEFAULT_CALENDAR);

  installProblems(app);
  installReadiness(app);
  await installOpenApi(app, options.version ?? '0.1.0');
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpProblem(429, identityProblems.rateLimited(seconds), { 'retry-after': String(seconds) });
    },
  });
  await installAuth(app);

  const sessions = { ...DEFAULT_SESSION_SETTINGS, ...options.sessions };
  await app.register(authRoutes, { prefix: '/api', sessions, loginLimit: options.loginLimit ?? { max: 10, windowMs: 60_000 } });
  for (const [plugin, prefix] of ROUTES) await app.register(plugin, { prefix });
  await installUi(app, options.uiRoots ?? DEFAULT_UI_ROOTS);
  return app;
}
