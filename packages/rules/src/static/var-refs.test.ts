import { describe, expect, it } from 'vitest';
import type { Rule } from '../types.js';
import { MAX_WALK_DEPTH } from './rule-shape.js';
import { listVarPaths } from './var-refs.js';

describe('listVarPaths', () => {
  it('lists every constant path, operations before their arguments, with its position and whose data it reads', () => {
    const rule: Rule = {
      and: [
        { var: 'a.b' }, { var: ['c', { var: 'fallback' }] }, { var: 0 }, { var: null }, { var: [] },
        { missing: ['m1', 'm2'] }, { missing: [['m3']] }, { missing_some: [1, ['s1']] },
        { map: [{ var: 'lines' }, { '+': [{ var: 'amount' }, { reduce: [{ var: 'parts' }, { var: 'current.n' }, 0] }] }] },
        { sum: [{ var: 'lines' }, 'amount'] },
      ],
    };
    expect(listVarPaths(rule)).toEqual([
      { path: 'a.b', position: '/and/0/var', itemOf: null },
      { path: 'c', position: '/and/1/var/0', itemOf: null },
      { path: 'fallback', position: '/and/1/var/1/var', itemOf: null },
      { path: '0', position: '/and/2/var', itemOf: null },
      { path: '', position: '/and/3/var', itemOf: null },
      { path: '', position: '/and/4', itemOf: null },
      { path: 'm1', position: '/and/5/missing/0', itemOf: null },
      { path: 'm2', position: '/and/5/missing/1', itemOf: null },
      { path: 'm3', position: '/and/6/missing/0/0', itemOf: null },
      { path: 's1', position: '/and/7/missing_some/1/0', itemOf: null },
      { path: 'lines', position: '/and/8/map/0/var', itemOf: null },
      { path: 'amount', position: '/and/8/map/1/+/0/var', itemOf: '/and/8' },
      { path: 'parts', position: '/and/8/map/1/+/1/reduce/0/var', itemOf: '/and/8' },
      { path: 'current.n', position: '/and/8/map/1/+/1/reduce/1/var', itemOf: '/and/8/map/1/+/1' },
      { path: 'amount', position: '/and/9/sum/1', itemOf: '/and/9' },
      { path: 'lines', position: '/and/9/sum/0/var', itemOf: null },
    ]);
  });

  it('stops at MAX_WALK_DEPTH instead of overflowing the stack', () => {
    const inArrays = (levels: number): Rule => {
      let rule: Rule = { var: 'x' };
      for (let i = 0; i < levels; i += 1) rule = [rule];
      return rule;
    };
    expect(listVarPaths(inArrays(100_000))).toEqual([]);
    expect(listVarPaths(inArrays(MAX_WALK_DEPTH))).toEqual([]);
    expect(listVarPaths(inArrays(MAX_WALK_DEPTH - 1))).toHaveLength(1);
    expect(listVarPaths([[{ var: 'x' }]])).toEqual([{ path: 'x', position: '/0/0/var', itemOf: null }]);
  });

  it('leaves out computed paths and whatever sits in literal objects', () => {
    expect(listVarPaths({ if: [{ var: { cat: ['a', 'b'] } }, { x: { var: 'no' }, y: 1 }, { missing: { var: 'keys' } }] }))
      .toEqual([{ path: 'keys', position: '/if/2/missing/var', itemOf: null }]);
  });
});
