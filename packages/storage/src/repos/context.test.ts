import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './context.js';

describe('canonical JSON and content hashes', () => {
  it('sorts keys by code unit at every level, integer-like keys included', () => {
    expect(canonicalJson({ b: 1, '9': [{ z: null, y: 'é' }], '10': true, A: 1.5 })).toBe('{"10":true,"9":[{"y":"é","z":null}],"A":1.5,"b":1}');
  });

  it('hashes the canonical text, so key order does not change the hash', () => {
    const text = '{"a":1,"b":[2,3]}';
    expect(contentHash({ b: [2, 3], a: 1 })).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    expect(contentHash({ a: 1, b: [2, 3] })).toBe(contentHash({ b: [2, 3], a: 1 }));
  });
});
