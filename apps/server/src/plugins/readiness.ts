import type { FastifyInstance } from 'fastify';
import { HttpProblem } from '../http/http-problem.js';
import { httpProblems } from '../http/problems.js';

/**
 * Whether the server can take requests: false while migrating on start and again once shutdown
 * begins, so load balancers stop sending traffic before connections close.
 */
export interface Readiness {
  isReady(): boolean;
  isStopping(): boolean;
  markReady(): void;
  markStopping(): void;
}

export function createReadiness(): Readiness {
  let state: 'starting' | 'ready' | 'stopping' = 'starting';
  return {
    isReady: () => state === 'ready',
    isStopping: () => state === 'stopping',
    markReady: () => {
      if (state === 'starting') state = 'ready';
    },
    markStopping: () => {
      state = 'stopping';
    },
  };
}

/** API requests before the database is migrated get 503 instead of failing on missing tables. */
export function installReadiness(app: FastifyInstance): void {
  app.decorate('readiness', createReadiness());
  app.addHook('onRequest', async (request) => {
    if (!app.readiness.isReady() && request.url.startsWith('/api/')) throw new HttpProblem(503, httpProblems.notReady(), { 'retry-after': '1' });
  });
  app.addHook('preClose', async () => app.readiness.markStopping());
  // Responses finished during shutdown close their connection: an idle kept-alive socket would
  // otherwise hold the server open until the client's keep-alive timeout.
  app.addHook('onSend', async (_request, reply) => {
    if (app.readiness.isStopping()) reply.header('connection', 'close');
  });
}
