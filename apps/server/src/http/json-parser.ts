import type { FastifyInstance } from 'fastify';
import { ForbiddenKeyError } from './to-http-problem.js';

/**
 * fastify's JSON parser with `__proto__` and `constructor.prototype` refused ('error'), which it
 * reports like any malformed body. We wrap it to tell the two apart: a body that plain JSON.parse
 * accepts but the secure parser refused was refused for its keys.
 */
export function installJsonParser(app: FastifyInstance): void {
  const secure = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    secure(request, text, (error: Error | null, value?: unknown) => {
      if (error === null) return done(null, value);
      done(parsesAsPlainJson(text) ? new ForbiddenKeyError() : error, undefined);
    });
  });
}

function parsesAsPlainJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
