import diff from 'microdiff';

function pointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/**
 * The JSON pointers (RFC 6901) of everything that differs between two versions of a definition:
 * a changed value, an added or a removed key or array item. Sorted, so the report does not depend
 * on key order. Uses microdiff (small, zero-dependency, maintained) rather than a hand-written walk.
 */
export function changedPaths(before: unknown, after: unknown): string[] {
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    return Object.is(before, after) ? [] : [''];
  }
  return diff(before, after)
    .map((difference) => pointer(difference.path))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
