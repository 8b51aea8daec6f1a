import { describe, expect, it } from 'vitest';
import { fieldMatcher } from './field-matcher.js';
import { covers } from './fields.js';
import { seedGrants } from './fixtures.js';
import type { FieldSet } from './types.js';

/** The definition the matcher must agree with: a field starting with `path.` lies below it. */
const coversBelow = (set: readonly string[], path: string) => set.some((field) => field.startsWith(`${path}.`));

const EDGE_SETS: FieldSet[] = [
  '*', [], ['address'], ['address.city'], ['a.b.c', 'a'], ['x.', '.y', ''], ['checklist.complianceTrainingDone', 'status'],
];

/** Every field a set names, every head of those, their extensions and near misses. */
function pathsAround(sets: readonly FieldSet[]): string[] {
  const named = sets.flatMap((set) => (set === '*' ? [] : [...set]));
  return [...new Set([
    ...named, ...named.map((f) => `${f}.sub`), ...named.map((f) => `${f}x`), ...named.map((f) => f.slice(0, -1)),
    ...named.flatMap((f) => f.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))),
    '', '.', 'a.b', 'a.b.c.d', 'addr', 'address.city.zip', 'checklist', 'other', '__proto__',
  ])];
}

describe('fieldMatcher', () => {
  const { permissions } = seedGrants();
  const sets: FieldSet[] = [...EDGE_SETS, ...permissions.flatMap((p) => [p.readableFields ?? [], p.writableFields ?? []])];
  const paths = pathsAround(sets);

  it('covers exactly the paths the field list covers, over the seed grants and edge cases', () => {
    for (const set of sets) {
      const matcher = fieldMatcher(set);
      expect(paths.map((path) => matcher.covers(path)), JSON.stringify(set)).toEqual(paths.map((path) => covers(set, path)));
    }
  });

  it('knows the objects part of which is covered', () => {
    for (const set of sets) {
      if (set === '*') continue;
      const matcher = fieldMatcher(set);
      expect(paths.map((path) => matcher.coversBelow(path)), JSON.stringify(set)).toEqual(paths.map((path) => coversBelow(set, path)));
    }
  });

  it('treats nested paths and dots as the list does', () => {
    const nested = fieldMatcher(['address.city', 'a.b.c']);
    expect(nested.covers('address')).toBe(false);
    expect(nested.coversBelow('address')).toBe(true);
    expect(nested.covers('address.city.zip')).toBe(true);
    expect(nested.coversBelow('a.b')).toBe(true);
    expect(nested.covers('a.b')).toBe(false);
    expect(fieldMatcher('*').all).toBe(true);
    expect(fieldMatcher([]).covers('')).toBe(false);
  });
});
