import type { Literal } from '@trellis/conditions';

/** How a typed-in text reads as a literal of the wanted type; '' is "not entered" (null). */
export function parseLiteral(text: string, type: 'number' | 'string' | 'boolean' | 'auto'): Literal {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (type === 'string') return text;
  if (type === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  const n = Number(trimmed);
  if (Number.isFinite(n)) return n;
  if (type === 'auto' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  // an unreadable number is kept as text so that the checks can say what is wrong with it
  return trimmed;
}

export function formatLiteral(value: Literal | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** A comma-separated list of literals, as cells of "one of" conditions are typed. */
export function parseList(text: string): Literal[] {
  return text.split(/[,，]/).map((part) => parseLiteral(part, 'auto')).filter((v) => v !== null);
}
