import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../../plugins/auth.js';
import { loadAppModel } from '../../services/app-model.js';
import type { RecordContext } from '../../services/records.js';

/** What the records service needs for one request: the signed-in user, the app's model, now. */
export async function recordContext(app: FastifyInstance, request: FastifyRequest, appId: string): Promise<RecordContext> {
  const user = requireUser(request);
  return {
    storage: app.storage,
    model: await loadAppModel(app.storage.read, appId, request.publishedFingerprint ?? undefined),
    actor: { id: user.id, roles: user.roles, partnerOrg: user.partnerOrg, regions: user.regions },
    now: app.clock.now(),
    requestId: request.id,
  };
}
