import { closest, distance } from 'fastest-levenshtein';

/** The known name closest to a misspelt one, if it is close enough to be what was meant. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(name, [...known]);
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
