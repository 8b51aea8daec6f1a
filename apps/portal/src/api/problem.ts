import type { LocalizedText } from '@trellis/errors';

/** One field problem of a server answer (application/problem+json `errors`). */
export interface FieldProblem {
  readonly code: string;
  readonly path: string;
  readonly message: LocalizedText;
}

/** A failed API call: its status and the problems the server named (none for network failures). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly problems: readonly FieldProblem[], detail: string) {
    super(detail);
    this.name = 'ApiError';
  }
}

interface ProblemBody {
  readonly code?: unknown;
  readonly detail?: unknown;
  readonly errors?: unknown;
}

/** Reads a failure body; anything that is not a problem document becomes a generic error. */
export function toApiError(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemBody;
  const problems = Array.isArray(problem.errors) ? (problem.errors as FieldProblem[]) : [];
  const code = typeof problem.code === 'string' ? problem.code : `HTTP_${status}`;
  return new ApiError(status, code, problems, typeof problem.detail === 'string' ? problem.detail : code);
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;
