import type { Problem } from '@trellis/errors';

/**
 * Some checks (decision-table overlaps and gaps) report warnings: problems with
 * `details.severity = 'warning'`. They are shown but do not reject a template.
 */
export function isWarning(p: Problem): boolean {
  return p.details?.severity === 'warning';
}

export function isError(p: Problem): boolean {
  return !isWarning(p);
}
