import type { ProgramDefinition } from '@trellis/definitions';
import { fail, ok, type Result } from '@trellis/errors';
import { parseDay } from './days.js';
import { periodDays } from './periods.js';
import { incentiveProblems } from './problems.js';

/**
 * The version of a program in force for a period: among the versions whose effective dates overlap
 * the period, the one that took effect last (a version starting mid-period governs that whole period,
 * so one period never mixes two versions); null when none overlaps. Two overlapping versions starting
 * the same day are ambiguous: INCENTIVE_AMBIGUOUS_VERSION. Reruns of an old period pass the stored
 * versions and so get the one in force then.
 */
export function programInForce<P extends Pick<ProgramDefinition, 'effectiveFrom' | 'effectiveTo'>>(
  versions: readonly P[], periodId: string,
): Result<P | null> {
  const period = periodDays(periodId, 'period');
  const overlapping = versions.filter((v) => {
    const from = parseDay(v.effectiveFrom, 'effectiveFrom');
    const to = v.effectiveTo === undefined ? Infinity : parseDay(v.effectiveTo, 'effectiveTo');
    return from <= period.to && to >= period.from;
  });
  const latest = overlapping.reduce<P | null>((best, v) => (best === null || v.effectiveFrom > best.effectiveFrom ? v : best), null);
  if (latest !== null && overlapping.filter((v) => v.effectiveFrom === latest.effectiveFrom).length > 1) {
    return fail([incentiveProblems.ambiguousVersion(periodId, latest.effectiveFrom)]);
  }
  return ok(latest);
}
