import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/http-problem.js';
import { installJsonParser } from '../http/json-parser.js';
import { negotiateLocale } from '../http/locale.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../http/problem-body.js';
import { httpProblems } from '../http/problems.js';
import { problemSchema } from '../http/schemas.js';
import { toHttpProblem } from '../http/to-http-problem.js';

/** Writes a failure as application/problem+json in the caller's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, failure: HttpProblem): FastifyReply {
  const body = problemBody(failure.statusCode, failure.problems, negotiateLocale(request.headers['accept-language']), request.id);
  return reply.code(failure.statusCode).headers(failure.headers).type(PROBLEM_CONTENT_TYPE).send(body);
}

/**
 * Every failure becomes a problem document: thrown errors, fastify's own (schema, parser, body
 * size, media type), unknown routes. Installed on the root instance so every route plugin
 * inherits it; `app.problem(status, problems)` builds the error a route throws.
 */
export function installProblems(app: FastifyInstance): void {
  app.addSchema(problemSchema);
  app.decorate('problem', (status: number, problems: ConstructorParameters<typeof HttpProblem>[1]) => new HttpProblem(status, problems));
  installJsonParser(app);

  app.setErrorHandler((error, request, reply) => {
    const failure = toHttpProblem(error, request.headers['content-type']);
    if (failure.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: failure.code, status: failure.statusCode }, 'request refused');
    return sendProblem(request, reply, failure);
  });

  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new HttpProblem(404, httpProblems.routeNotFound(request.method, request.url.split('?')[0] ?? ''))));
}
