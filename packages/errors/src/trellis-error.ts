import type { Problem } from './problem.js';

/**
 * The one exception type the engine throws, for failures inside hot paths (rule evaluation)
 * where returning a Result on every call would cost too much. It carries typed problems, so
 * callers translate it into a response without parsing strings.
 */
export class TrellisError extends Error {
  readonly code: string;
  readonly problems: readonly Problem[];

  constructor(problems: readonly [Problem, ...Problem[]]) {
    super(`${problems[0].code}: ${problems[0].message.en}`);
    this.name = 'TrellisError';
    this.code = problems[0].code;
    this.problems = problems;
  }
}

export function isTrellisError(value: unknown): value is TrellisError {
  return value instanceof TrellisError;
}
