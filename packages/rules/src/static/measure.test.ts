import { describe, expect, it } from 'vitest';
import type { Rule } from '../types.js';
import { measureRule } from './measure.js';

describe('measureRule', () => {
  it('counts every JSON value, an argument list as one node', () => {
    expect(measureRule(1, 10)).toEqual({ nodes: 1, depth: 0, firstTooDeep: null });
    expect(measureRule({ var: 'x' }, 10)).toEqual({ nodes: 2, depth: 1, firstTooDeep: null });
    expect(measureRule({ and: [{ var: 'x' }, true] }, 10)).toEqual({ nodes: 5, depth: 2, firstTooDeep: null });
    expect(measureRule({ a: [1, 2], b: { c: 3 } }, 10)).toEqual({ nodes: 6, depth: 2, firstTooDeep: null });
  });

  it('points at the first value in document order that is too deep', () => {
    const rule: Rule = { and: [{ '!': { var: 'a' } }, { or: [{ '!': { var: 'b' } }] }] };
    expect(measureRule(rule, 2)).toEqual({ nodes: 10, depth: 4, firstTooDeep: '/and/0/!' });
    expect(measureRule({ 'a/b': [[{ '~': 1 }]] }, 2).firstTooDeep).toBe('/a~1b/0/0');
  });
});
