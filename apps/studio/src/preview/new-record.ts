/**
 * The values a new record shows before anything is typed: the definition's defaults of top-level
 * fields, a formula worked out as the form runtime does when the record is created (today() is
 * `today`). A default inside an object waits for its object, as in the runtime.
 */
import type { EntityDefinition } from '@trellis/definitions';
import { evaluateCompiled, type Rule } from '@trellis/rules';

export function newRecordValues(definition: EntityDefinition, now: string, today: string): Record<string, unknown> {
  const scope = { $now: now, $today: today, $user: null };
  const out: Record<string, unknown> = {};
  for (const [path, given] of Object.entries(definition.rules?.defaults ?? {})) {
    if (path.includes('.')) continue;
    let value: unknown;
    try {
      value = given.rule === undefined ? given.value : evaluateCompiled(given.rule as Rule, scope);
    } catch {
      // a default whose formula fails stays empty, as the runtime leaves it (and reports it on submit)
      continue;
    }
    if (value !== undefined && value !== null) out[path] = value;
  }
  return out;
}

/** The date of `at` where the browser is, YYYY-MM-DD: the admin's day, as today() reads it. */
export function localDay(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
}
