import { TrellisError, problem, type Problem } from '@trellis/errors';

/** The storage error codes; each thrown as a TrellisError carrying one Problem. */
export const STORAGE_CODES = {
  conflict: 'STORAGE_CONFLICT',
  notFound: 'STORAGE_NOT_FOUND',
  duplicate: 'STORAGE_DUPLICATE',
  badFilter: 'STORAGE_BAD_FILTER',
  badIndexField: 'STORAGE_BAD_INDEX_FIELD',
  badId: 'STORAGE_BAD_ID',
} as const;

export const storageProblems = {
  /** A stale revision: HTTP 409. */
  conflict(path: string, expected: number, actual: number): Problem {
    return problem(
      STORAGE_CODES.conflict,
      path,
      {
        en: `The record was changed by someone else (revision ${actual}, expected ${expected}); reload and try again`,
        'zh-CN': `记录已被他人修改（当前版本 ${actual}，期望 ${expected}），请重新加载后再试`,
      },
      { expected, actual },
    );
  },
  notFound(path: string, what: string, id: string): Problem {
    return problem(
      STORAGE_CODES.notFound,
      path,
      { en: `No ${what} "${id}" exists`, 'zh-CN': `${what}「${id}」不存在` },
      { what, id },
    );
  },
  duplicate(path: string, value: string): Problem {
    return problem(
      STORAGE_CODES.duplicate,
      path,
      { en: `"${value}" is already taken`, 'zh-CN': `「${value}」已被占用` },
      { value },
    );
  },
  badFilter(path: string, reason: { en: string; 'zh-CN': string }): Problem {
    return problem(STORAGE_CODES.badFilter, path, {
      en: `Invalid query at "${path}": ${reason.en}`,
      'zh-CN': `查询条件「${path}」无效：${reason['zh-CN']}`,
    });
  },
  badId(path: string, id: string): Problem {
    return problem(
      STORAGE_CODES.badId,
      path,
      { en: `"${id}" is not a valid id (a uuid is expected)`, 'zh-CN': `「${id}」不是有效的 id（应为 uuid）` },
      { id },
    );
  },
  badIndexField(path: string, field: string): Problem {
    return problem(
      STORAGE_CODES.badIndexField,
      path,
      {
        en: `"${field}" is not a field path that can be indexed (segments of letters, digits and _)`,
        'zh-CN': `「${field}」不是可建索引的字段路径（各段只能包含字母、数字和下划线）`,
      },
      { field },
    );
  },
};

export function storageError(p: Problem): TrellisError {
  return new TrellisError([p]);
}
