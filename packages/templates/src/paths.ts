import type { Problem } from '@trellis/errors';

/**
 * Joins a template path and a path reported by another package. Template paths are dot-separated
 * (`rules.tier_rating.logic`); rule and schema packages report JSON-pointer-like paths
 * (`/if/0`, `if/0`, with `~1` for a `/` in a key) or dotted ones: all become dotted, so one problem
 * has one path style.
 */
export function joinPath(prefix: string, sub: string | number): string {
  const tail = String(sub)
    .split('/')
    .filter((segment, index) => index > 0 || segment !== '')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
  if (tail === '') return prefix;
  return prefix === '' ? tail : `${prefix}.${tail}`;
}

/** The same problems, placed under `prefix`. */
export function under(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: joinPath(prefix, p.path) }));
}
