import { distance } from 'fastest-levenshtein';

/** How far a typo may be from the intended name: one edit for short names, a third of the length for long ones. */
function tolerance(name: string): number {
  return name.length <= 3 ? 1 : Math.max(2, Math.floor(name.length / 3));
}

/**
 * The known name closest to `name` (ignoring case), or null if none is close enough to be a
 * plausible typo. Ties go to the earlier name, which is the schema's declaration order.
 */
export function suggestName(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= tolerance(name) ? best : null;
}
