import i18next from 'i18next';
import { toApiError } from './problem.js';

/**
 * JSON calls to the Trellis server: same origin, the session cookie, the UI language (so problem
 * titles come back in it). Failures throw an ApiError carrying the server's field problems.
 */
export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json, application/problem+json',
      'accept-language': i18next.language,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

/** A path with its parameters escaped: path`/api/x/${id}`. */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}
