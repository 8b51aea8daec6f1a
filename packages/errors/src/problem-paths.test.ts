import { describe, expect, it } from 'vitest';
import { joinPath, problemsUnder } from './problem-paths.js';

describe('joinPath', () => {
  it('turns pointer-like and dotted paths into dotted ones under the prefix', () => {
    expect(joinPath('rules.tier', '/if/0')).toBe('rules.tier.if.0');
    expect(joinPath('rules.tier', 'if/0')).toBe('rules.tier.if.0');
    expect(joinPath('entities.partner', 'schema.properties')).toBe('entities.partner.schema.properties');
    expect(joinPath('flows.f', 3)).toBe('flows.f.3');
  });

  it('decodes ~1 and ~0 in pointer segments', () => {
    expect(joinPath('x', '/a~1b/c~0d')).toBe('x.a/b.c~d');
  });

  it('leaves either side out when it is empty', () => {
    expect(joinPath('x', '')).toBe('x');
    expect(joinPath('', '/a/b')).toBe('a.b');
    expect(joinPath('', '')).toBe('');
  });
});

describe('problemsUnder', () => {
  it('re-roots every problem and keeps the rest', () => {
    const message = { 'zh-CN': '错', en: 'wrong' };
    const found = problemsUnder('entities.partner', [
      { code: 'A', path: '/schema/type', message },
      { code: 'B', path: '', message, details: { n: 1 } },
    ]);
    expect(found).toEqual([
      { code: 'A', path: 'entities.partner.schema.type', message },
      { code: 'B', path: 'entities.partner', message, details: { n: 1 } },
    ]);
  });
});
