/**
 * The server's API from the browser: same-origin fetch with the session cookie, JSON in and out.
 * A failure is an `ApiError` carrying the server's problem document, whose `errors` hold each
 * message in both languages, so the UI shows them in the admin's current language.
 */
import type { Problem } from '@trellis/errors';

export interface ProblemDocument {
  readonly code: string;
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  readonly errors: readonly Problem[];
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: ProblemDocument) {
    super(`${status} ${problem.code}`);
  }
}

/** A problem for a failure that never reached the server (offline, refused connection). */
function networkProblem(error: unknown): ProblemDocument {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'NETWORK_ERROR',
    status: 0,
    errors: [{ code: 'NETWORK_ERROR', path: '', message: { en: `Cannot reach the server (${reason})`, 'zh-CN': `无法连接服务器（${reason}）` } }],
  };
}

export async function problemOf(response: Response): Promise<ProblemDocument> {
  try {
    const body = await response.json() as Partial<ProblemDocument>;
    if (typeof body.code === 'string' && Array.isArray(body.errors)) return { ...body, code: body.code, errors: body.errors, status: response.status };
  } catch {
    // not a problem document: described below
  }
  const text = `HTTP ${response.status}`;
  return { code: 'HTTP_ERROR', status: response.status, errors: [{ code: 'HTTP_ERROR', path: '', message: { en: text, 'zh-CN': text } }] };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls `/api${path}`; resolves to the parsed body (undefined for 204), rejects with ApiError. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiError(0, networkProblem(error));
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return undefined as T;
  return await response.json() as T;
}

/** The problems of any failure, for showing: a server's own, or one for an unexpected error. */
export function problemsOf(error: unknown): readonly Problem[] {
  if (error instanceof ApiError) return error.problem.errors;
  const text = error instanceof Error ? error.message : String(error);
  return [{ code: 'UNEXPECTED', path: '', message: { en: text, 'zh-CN': text } }];
}
