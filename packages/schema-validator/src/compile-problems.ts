/** Problems for a schema that cannot be compiled, so callers get a value instead of an exception. */
import { MissingRefError } from 'ajv/dist/2020.js';
import { problem, type Problem } from '@trellis/errors';

export function compileProblem(error: unknown): Problem {
  if (error instanceof MissingRefError) {
    return problem(
      'SCHEMA_UNRESOLVED_REF',
      '',
      {
        en: `The schema refers to "${error.missingRef}", which is not available; schemas are never loaded from elsewhere.`,
        'zh-CN': `模式引用了不可用的“${error.missingRef}”；模式不会从外部加载。`,
      },
      { ref: error.missingRef },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return problem(
    'SCHEMA_INVALID',
    '',
    { en: `The schema is not valid: ${reason}.`, 'zh-CN': `模式无效：${reason}。` },
    { reason },
  );
}
