import type { Problem } from '@trellis/errors';

/** Joins a dotted prefix and a path another package reported (dotted or JSON-pointer-like). */
export function joinPath(prefix: string, sub: string | number): string {
  const tail = String(sub)
    .split('/')
    .filter((segment, index) => index > 0 || segment !== '')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
  if (tail === '') return prefix;
  return prefix === '' ? tail : `${prefix}.${tail}`;
}

export function under(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: joinPath(prefix, p.path) }));
}
