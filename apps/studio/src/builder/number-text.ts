/** A number typed in a box; empty or not a number means unset. */
export function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);
}
