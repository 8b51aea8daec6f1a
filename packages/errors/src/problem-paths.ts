import type { Problem } from './problem.js';

/**
 * Joins a dotted prefix and a path another package reported. Rule and schema packages report
 * JSON-pointer-like paths (`/if/0`, `if/0`, with `~1` for a `/` in a key) or dotted ones: all
 * become dotted, so one problem has one path style (`rules.tier_rating.logic.if.0`).
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

/** The same problems, placed under `prefix` (the part of a bigger document they were found in). */
export function problemsUnder(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: joinPath(prefix, p.path) }));
}
