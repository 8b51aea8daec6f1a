/**
 * What the server adds to fastify's types: the decorators route plugins use and the route
 * `config` keys the auth hook reads. Imported for its side effect by app.ts.
 */
import type { Locale } from '@trellis/errors';
import type { Storage } from '@trellis/storage';
import type { HttpProblem } from './http/http-problem.js';
import type { PasswordHasher } from './identity/password.js';
import type { SessionUser } from './identity/session-user.js';
import type { Readiness } from './plugins/readiness.js';

/** The time source; tests pass a fixed one so timestamps are predictable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

declare module 'fastify' {
  interface FastifyInstance {
    readonly storage: Storage;
    readonly clock: Clock;
    /** builds the error a route throws: `throw app.problem(404, problem(...))` */
    problem(status: number, problems: ConstructorParameters<typeof HttpProblem>[1]): HttpProblem;
    readonly readiness: Readiness;
    readonly passwords: PasswordHasher;
    /** the built UIs this server serves, by mount name (`studio` at /studio/ …) */
    readonly uis: readonly string[];
  }

  interface FastifyRequest {
    /** the signed-in user; set on every non-public /api route (401 before the handler otherwise) */
    user: SessionUser | null;
    /** the published definitions' fingerprint, read with the session (null without one) */
    publishedFingerprint: string | null;
    /** zh-CN or en, from Accept-Language */
    locale: Locale;
  }

  interface FastifyContextConfig {
    /** the /api route needs no session */
    public?: boolean;
    /** only users with one of these roles (403 PERM_FORBIDDEN otherwise) */
    roles?: readonly string[];
  }
}
