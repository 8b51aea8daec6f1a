import { describe, expect, it } from 'vitest';
import type { Rule } from '@trellis/rules';
import { topLevelReads } from './rule-reads.js';

const reads = (...rules: unknown[]): string[] | null => {
  const found = topLevelReads(rules as Rule[]);
  return found === null ? null : [...found].sort();
};

describe('topLevelReads', () => {
  it('lists the first segment of every literal path read by var, missing and missing_some', () => {
    expect(
      reads(
        { '==': [{ var: 'kind' }, 'distributor'] },
        { var: ['address.city', { var: 'fallbackCity' }] },
        { missing: ['a', 'b.c'] },
        { missing: [['d']] },
        { missing_some: [1, ['e', 'f']] },
        { var: 7 },
        { '<': [{ var: '$today' }, { var: 'endsOn' }] },
      ),
    ).toEqual(['$today', '7', 'a', 'address', 'b', 'd', 'e', 'endsOn', 'f', 'fallbackCity', 'kind']);
  });

  it('walks every argument, iterators and literal arrays included', () => {
    expect(reads({ map: [{ var: 'lines' }, { '*': [{ var: 'qty' }, { var: 'price' }] }] }, [{ var: 'x' }, 1], true, 'text')).toEqual([
      'lines', 'price', 'qty', 'x',
    ]);
    // an object with more than one key is data, not an operation
    expect(reads({ a: { var: 'hidden' }, b: 1 })).toEqual([]);
  });

  it('gives null when a rule may read fields it does not name', () => {
    expect(reads({ var: { cat: ['first', 'Name'] } })).toBeNull();
    expect(reads({ var: '' })).toBeNull();
    expect(reads({ var: null })).toBeNull();
    expect(reads({ var: [] })).toBeNull();
    expect(reads({ missing: { merge: [['a'], ['b']] } })).toBeNull();
    expect(reads({ missing_some: [1, { merge: [['a']] }] })).toBeNull();
    expect(reads({ '==': [1, 1] }, { not_ours: [{ var: 'a' }] })).toBeNull();
  });

  it('gives null for rules nested deeper than it walks, instead of overflowing the stack', () => {
    let deep: unknown = { var: 'a' };
    for (let i = 0; i < 5000; i++) deep = { '!': [deep] };
    expect(reads(deep)).toBeNull();
  });
});
