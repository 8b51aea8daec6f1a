import type { Problem } from '@trellis/errors';
import { COLLECTION_KINDS, COLLECTIONS } from './definitions.js';
import { templateProblems } from './problems.js';

/** Items whose id an earlier item already has, reported by position (the id alone is ambiguous). */
export function duplicatesIn(items: readonly unknown[], at: string, kind: string): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else problems.push(templateProblems.duplicateId(`${at}.${i}`, kind, id, `${at}.${earlier}`));
  });
  return problems;
}

/** Ids must be unique per kind; checked on the document as given, so it works on invalid ones too. */
export function checkDuplicateIds(doc: unknown): Problem[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const record = doc as Record<string, unknown>;
  return COLLECTIONS.flatMap((collection) => {
    const items = record[collection];
    return Array.isArray(items) ? duplicatesIn(items, collection, COLLECTION_KINDS[collection]) : [];
  });
}
