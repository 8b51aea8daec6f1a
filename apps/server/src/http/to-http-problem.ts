import { isTrellisError } from '@trellis/errors';
import { HttpProblem, isHttpProblem, statusForCode } from './http-problem.js';
import { httpProblems } from './problems.js';
import { validationProblems, type SchemaError } from './validation-problems.js';

/** Marks a JSON body refused for `__proto__`/`constructor.prototype` keys (see json-parser.ts). */
export class ForbiddenKeyError extends Error {
  constructor() {
    super('forbidden key in JSON body');
    this.name = 'ForbiddenKeyError';
  }
}

interface FastifyLikeError {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly message?: unknown;
  readonly validation?: readonly SchemaError[];
  readonly validationContext?: string;
}

/**
 * Any error a request can end with, as an HttpProblem: ours pass through, TrellisErrors get the
 * status of their code, fastify's own (schema, parser, size) get Trellis codes naming the field.
 * Whatever is left is a 500 whose detail is not shown to the client.
 */
export function toHttpProblem(error: unknown, contentType: string | undefined): HttpProblem {
  if (isHttpProblem(error)) return error;
  if (isTrellisError(error)) return new HttpProblem(statusForCode(error.code), error.problems as HttpProblem['problems']);
  if (error instanceof ForbiddenKeyError) return new HttpProblem(400, httpProblems.forbiddenKey());
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  if (Array.isArray(e.validation) && e.validation.length > 0) {
    const [first, ...rest] = validationProblems(e.validationContext ?? 'body', e.validation);
    if (first !== undefined) return new HttpProblem(400, [first, ...rest]);
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(415, httpProblems.unsupportedMediaType(contentType ?? ''));
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem(400, httpProblems.invalidJson());
  }
  if (status === 413) return new HttpProblem(413, httpProblems.bodyTooLarge());
  if (status >= 400 && status < 500) return new HttpProblem(status, httpProblems.badRequest(typeof e.message === 'string' ? e.message : String(e.code)));
  return new HttpProblem(500, httpProblems.internal());
}
