import { describe, expect, it } from 'vitest';
import { fieldMatcher } from './field-matcher.js';
import { changedPaths, collectChanges, covers, pickFields } from './fields.js';
import type { JsonObject } from './types.js';

describe('field sets', () => {
  it('cover a path and everything below it', () => {
    expect(covers(['address'], 'address.city')).toBe(true);
    expect(covers(['address.city'], 'address')).toBe(false);
    expect(covers(['addr'], 'address')).toBe(false);
    expect(covers('*', 'anything.at.all')).toBe(true);
  });

  it('pick keeps own data only, even under a __proto__ key', () => {
    const data = JSON.parse('{"a": 1, "__proto__": {"polluted": true}, "b": {"c": 2, "d": 3}}');
    const picked = pickFields(data, ['__proto__', 'b.c']);
    expect(Object.getPrototypeOf(picked)).toBe(Object.prototype);
    expect(Object.keys(picked)).toEqual(['__proto__', 'b']);
    expect(picked.b).toEqual({ c: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shares the values it keeps instead of copying them, and changes nothing', () => {
    const data = { a: { deep: [1] }, b: { c: { x: 1 }, d: 2 }, e: 'drop' };
    const before = structuredClone(data);
    expect(pickFields(data, '*')).toBe(data);
    const picked = pickFields(data, ['a', 'b.c']);
    expect(picked).toEqual({ a: { deep: [1] }, b: { c: { x: 1 } } });
    expect(picked.a).toBe(data.a);
    expect((picked.b as { c: unknown }).c).toBe(data.b.c);
    expect(data).toEqual(before);
  });
});

describe('changedPaths', () => {
  it('reports leaves inside objects, arrays as wholes', () => {
    expect(changedPaths(
      { a: 1, o: { x: 1, y: [1, 2] }, list: [{ k: 1 }] },
      { a: 1, o: { x: 2, y: [1, 2] }, list: [{ k: 2 }], added: 'v' },
    )).toEqual(['o.x', 'list', 'added']);
  });

  it('treats a missing object as empty and null as no value', () => {
    expect(changedPaths({}, { o: { x: 1 } })).toEqual(['o.x']);
    expect(changedPaths({ a: null }, {})).toEqual([]);
    expect(changedPaths({ o: { x: 1 } }, { o: 'flat' })).toEqual(['o']);
  });
});

describe('collectChanges', () => {
  const before: JsonObject = { a: 1, o: { x: 1, y: [1, 2], z: { deep: 1 } }, list: [{ k: 1 }], gone: 'v', keep: null };
  const after: JsonObject = { a: 2, o: { x: 2, y: [1, 3], z: { deep: 2 } }, list: [{ k: 2 }], added: 'v' };

  it('reports the changed paths the skipped set does not cover, in changedPaths order', () => {
    const sets = [[], ['a'], ['o'], ['o.z'], ['o.z.deep', 'list'], ['gone', 'added'], '*'] as const;
    for (const set of sets) {
      const changed: string[] = [];
      collectChanges(before, after, '', fieldMatcher(set), changed);
      expect(changed, JSON.stringify(set)).toEqual(changedPaths(before, after).filter((path) => !covers(set, path)));
    }
  });

  it('agrees with changedPaths on empty keys, keys with dots and deep objects', () => {
    const was: JsonObject = { '': { x: 1, y: { z: 1 } }, 'a.b': { c: 1 }, a: { b: { c: 1 }, d: { e: { f: 1 } } }, docs: { one: { id: 1 } } };
    const is: JsonObject = { '': { x: 2, y: { z: 2 } }, 'a.b': { c: 2 }, a: { b: { c: 2 }, d: { e: { f: 2 } } }, docs: { one: { id: 2 }, two: {} } };
    const sets = [['x'], ['y.z'], ['', 'a.b'], ['a'], ['a.b.c'], ['a.d.e'], ['docs.one'], ['.x'], ['a.b', 'docs']] as const;
    for (const set of sets) {
      const changed: string[] = [];
      collectChanges(was, is, '', fieldMatcher(set), changed);
      expect(changed, JSON.stringify(set)).toEqual(changedPaths(was, is).filter((path) => !covers(set, path)));
    }
  });

  it('is changedPaths without a set', () => {
    const changed: string[] = [];
    collectChanges(before, after, '', null, changed);
    expect(changed).toEqual(['a', 'o.x', 'o.y', 'o.z.deep', 'list', 'gone', 'added']);
  });
});
