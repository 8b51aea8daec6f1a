import type { FastifyInstance } from 'fastify';
import { ensureFirstAdmin, type CreatedUser } from './identity/users.js';
import { ensureAllEntityIndexes } from './services/definitions.js';

export interface Prepared {
  /** migrations applied by this start */
  readonly applied: readonly string[];
  /** the admin created on first start, with its one-time password; null when users exist */
  readonly firstAdmin: CreatedUser | null;
}

/**
 * Brings the storage up to date, creates the first admin when there is no user, runs the caller's
 * start-up work, then marks the server ready: `/healthz` turns 200 and `/api/*` stops answering 503.
 */
export async function prepareApp(app: FastifyInstance, beforeReady?: (app: FastifyInstance) => Promise<void>): Promise<Prepared> {
  const { applied } = await app.storage.migrate();
  // Idempotent, so on every start: a database from before a migration dropped the shared indexes
  // (0008), or from before the field statistics, gets what each published entity's lists need.
  await ensureAllEntityIndexes(app.storage);
  const firstAdmin = await ensureFirstAdmin(app.storage, app.passwords);
  if (firstAdmin !== null) app.log.info({ username: firstAdmin.user.username }, 'created the first admin (one-time password printed on the console)');
  await beforeReady?.(app);
  app.readiness.markReady();
  return { applied, firstAdmin };
}
