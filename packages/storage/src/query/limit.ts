import { storageError, storageProblems } from '../problems.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw storageError(
      storageProblems.badFilter('limit', {
        en: `the page size must be a whole number from 1 to ${MAX_LIMIT}`,
        'zh-CN': `每页条数必须是 1 到 ${MAX_LIMIT} 之间的整数`,
      }),
    );
  }
  return limit;
}
