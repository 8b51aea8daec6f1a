import type { TrellisError } from '@trellis/errors';
import { ruleError, ruleProblems } from '../errors.js';

/** The error every custom operator throws for an argument it cannot use. */
export function badArgument(op: string, en: string, zh: string): TrellisError {
  return ruleError(ruleProblems.badArgument(op, { en, 'zh-CN': zh }));
}

/** Fails unless the operator got between `min` and `max` arguments (extra arguments are a mistake, not ignored). */
export function expectArity(op: string, args: readonly unknown[], min: number, max: number): void {
  if (args.length >= min && args.length <= max) return;
  const wanted = min === max ? String(min) : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  const wantedZh = min === max ? String(min) : max === Infinity ? `至少 ${min}` : `${min} 到 ${max}`;
  throw badArgument(op, `expects ${wanted} arguments, got ${args.length}`, `需要 ${wantedZh} 个参数，实际为 ${args.length} 个`);
}

/** Short, safe rendering of a value for error messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
