/**
 * ajv errors → Problems: a dot-separated field path, a stable code `SCHEMA_<KEYWORD>`, sentences in
 * zh-CN and en, and the keyword's params as details.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { problem, type Problem } from '@trellis/errors';
import { errorMessage, type ForPeople, type Situation } from './messages.js';
import { childPath, keywordCode, pointerToPath } from './paths.js';

interface Located {
  readonly path: string;
  readonly situation: Situation;
}

/** Where the error points: the missing or unexpected property itself, not the object holding it. */
function locate(error: ErrorObject, parent: string): Located {
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) return { path: childPath(parent, error.propertyName), situation: 'propertyName' };
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return { path: childPath(parent, String(params.missingProperty)), situation: 'missing' };
    case 'additionalProperties':
      return { path: childPath(parent, String(params.additionalProperty)), situation: 'unexpected' };
    case 'unevaluatedProperties':
      return { path: childPath(parent, String(params.unevaluatedProperty)), situation: 'unexpected' };
    case 'discriminator':
      return {
        path: childPath(parent, String(params.tag)),
        situation: params.tagValue === undefined ? 'missing' : 'unknownTag',
      };
    default:
      return { path: parent, situation: 'other' };
  }
}

export function toProblem(error: ErrorObject, people?: ForPeople): Problem {
  const { path, situation } = locate(error, pointerToPath(error.instancePath));
  return problem(keywordCode(error.keyword), path, errorMessage(error, path, situation, error.propertyName, people), {
    ...(error.params as Record<string, unknown>),
  });
}

export function toProblems(errors: readonly ErrorObject[], people?: ForPeople): Problem[] {
  // `propertyNames` repeats, without detail, the error already reported for the offending name
  return errors.filter((error) => error.keyword !== 'propertyNames').map((error) => toProblem(error, people));
}
