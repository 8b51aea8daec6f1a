import { describe, expect, it } from 'vitest';
import { PATTERN_IDS, patternIdOf, regexOf } from './patterns.js';

describe('the safe list of formats', () => {
  it('reads back every fixed entry, the quarter among them', () => {
    for (const id of PATTERN_IDS) expect(patternIdOf(regexOf(id))).toBe(id);
    expect(patternIdOf('^[0-9]{4}-Q[1-4]$')).toBe('quarter');
  });

  it('builds and recognises reference codes: a prefix of 1–5 capital letters and a fixed number of digits', () => {
    expect(regexOf({ prefix: 'P', digits: 6 })).toBe('^P[0-9]{6}$');
    expect(patternIdOf('^P[0-9]{6}$')).toEqual({ prefix: 'P', digits: 6 });
    expect(patternIdOf('^MDF[0-9]{8}$')).toEqual({ prefix: 'MDF', digits: 8 });
    expect(patternIdOf('^ABCDE[0-9]{20}$')).toEqual({ prefix: 'ABCDE', digits: 20 });
  });

  it('refuses what only looks like a reference code', () => {
    for (const regex of ['^ABCDEF[0-9]{6}$', '^p[0-9]{6}$', '^P[0-9]{06}$', '^P[0-9]{0}$', '^P[0-9]{21}$', '^P[0-9]{6,8}$', '^P[0-9]+$', 'P[0-9]{6}', '^P.[0-9]{6}$']) {
      expect(patternIdOf(regex), regex).toBeUndefined();
    }
  });
});
