import type { LocalizedText } from './localized.js';

/**
 * One thing that is wrong, as a value: a stable machine code, the path of the field or
 * definition part it concerns (dot-separated, '' for the whole), and a message in both languages.
 */
export interface Problem {
  readonly code: string;
  readonly path: string;
  readonly message: LocalizedText;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function problem(
  code: string,
  path: string,
  message: LocalizedText,
  details?: Record<string, unknown>,
): Problem {
  return details === undefined ? { code, path, message } : { code, path, message, details };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(problems: readonly Problem[]): Result<T> {
  return { ok: false, problems };
}
