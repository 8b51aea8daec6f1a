import type { FastifyPluginAsync } from 'fastify';
import { HttpProblem } from '../../http/http-problem.js';
import { httpProblems } from '../../http/problems.js';
import { problemResponses } from '../../http/schemas.js';

/** `GET /healthz`: 200 once migrated, ready and the database answers; 503 otherwise. */
const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', {
    schema: {
      tags: ['system'],
      summary: 'Readiness: 200 once the database is migrated and the server takes requests',
      response: {
        200: {
          type: 'object',
          required: ['status', 'storage'],
          properties: { status: { type: 'string', enum: ['ok'] }, storage: { type: 'string', enum: ['pglite', 'postgres'] } },
        },
        ...problemResponses(503),
      },
    },
  }, async () => {
    if (!app.readiness.isReady() || !(await app.storage.health().catch(() => false))) throw new HttpProblem(503, httpProblems.notReady(), { 'retry-after': '1' });
    return { status: 'ok' as const, storage: app.storage.kind };
  });
};

export default healthRoutes;
