import { describe, expect, it } from 'vitest';
import { changedPaths, covers, pickFields } from './fields.js';

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
