import type { Problem } from '@trellis/errors';
import { COLLECTIONS } from './definitions.js';

/**
 * Format problems name array positions (`rules.3.label`); the rest of the report names definitions
 * by id (`rules.attainment_rebate_rate.label`), which stays right when the file is reordered and
 * is what people search for. Positions whose item has no string id are left as they are.
 */
export function placeFormatProblems(doc: unknown, problems: readonly Problem[]): Problem[] {
  if (typeof doc !== 'object' || doc === null) return [...problems];
  const record = doc as Record<string, unknown>;
  return problems.map((p) => {
    const [collection, index, ...rest] = p.path.split('.');
    if (collection === undefined || index === undefined || !(COLLECTIONS as readonly string[]).includes(collection)) return p;
    const items = record[collection];
    const item: unknown = Array.isArray(items) && /^\d+$/.test(index) ? items[Number(index)] : undefined;
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? { ...p, path: [collection, id, ...rest].join('.') } : p;
  });
}
