import type { Problem } from '@trellis/errors';

/**
 * An HTTP failure as a value: a status and the Problems that explain it. Route code throws one
 * (`throw app.problem(404, p)`) and the error handler renders it as application/problem+json.
 */
export class HttpProblem extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly problems: readonly [Problem, ...Problem[]];
  /** response headers that belong to the failure, e.g. Retry-After */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, problems: Problem | readonly [Problem, ...Problem[]], headers: Record<string, string> = {}) {
    const list: readonly [Problem, ...Problem[]] = isProblemList(problems) ? problems : [problems];
    super(`${list[0].code}: ${list[0].message.en}`);
    this.name = 'HttpProblem';
    this.statusCode = status;
    this.code = list[0].code;
    this.problems = list;
    this.headers = headers;
  }
}

function isProblemList(value: Problem | readonly [Problem, ...Problem[]]): value is readonly [Problem, ...Problem[]] {
  return Array.isArray(value);
}

export function isHttpProblem(value: unknown): value is HttpProblem {
  return value instanceof HttpProblem;
}

/**
 * The status of a TrellisError, from its first Problem's code. Codes are stable, so the mapping is
 * by convention: `*_NOT_FOUND` 404, `*_CONFLICT` 409, `PERM_*` 403, `AUTH_*` 401, `*_TOO_LARGE`
 * 413, `*_BAD_*` 400 (a malformed query: filter, cursor); everything else is a request the domain
 * rejected (422).
 */
export function statusForCode(code: string): number {
  if (/_BAD_[A-Z_]+$/.test(code)) return 400;
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.endsWith('_CONFLICT') || code.endsWith('_STALE_REVISION') || code.endsWith('_DUPLICATE')) return 409;
  if (code.startsWith('PERM_')) return 403;
  if (code.startsWith('AUTH_')) return 401;
  if (code.endsWith('_TOO_LARGE')) return 413;
  return 422;
}
