/**
 * Problems of the runtime's steps, shared by the interpreter (runtime.ts) and the generated code
 * (generate-process.ts) so that both report them the same way.
 */
import { isTrellisError, type Problem } from '@trellis/errors';
import { isWithin } from './field-path.js';
import { formProblems } from './problems.js';

/** A rule that threw: FORM_RULE_FAILED at its field, with the rule engine's problems as the cause. */
export function ruleFailure(path: string, location: string, error: unknown): Problem {
  return formProblems.ruleFailed(path, location, isTrellisError(error) ? error.problems : []);
}

/** Adds the schema's problems to `problems`, except those at or under a hidden field. */
export function addVisibleProblems(found: readonly Problem[], hiddenPaths: readonly string[], problems: Problem[]): void {
  for (const p of found) {
    if (!hiddenPaths.some((path) => isWithin(p.path, path))) problems.push(p);
  }
}
