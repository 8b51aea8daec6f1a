/**
 * Field paths written into SQL text. Inlined (not parameters) so expressions match the records'
 * expression indexes; only plain segments pass, which is what makes inlining safe.
 */
import { TrellisError, problem } from '@trellis/errors';

const SAFE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function pathLiteral(path: string, at: string): string {
  if (!SAFE.test(path) || path.length > 256) {
    throw new TrellisError([problem('INCENTIVE_BAD_FIELD_PATH', at, {
      en: `"${path}" is not a plain field path`,
      'zh-CN': `“${path}”不是普通字段路径`,
    }, { path })]);
  }
  return `'{${path.split('.').join(',')}}'`;
}
