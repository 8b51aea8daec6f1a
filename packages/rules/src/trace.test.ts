import { describe, expect, it } from 'vitest';
import { traceRule, type TraceNode } from './trace.js';
import { evaluateReference } from './reference.js';
import { errorCode } from './testing/error-code.js';
import type { Rule } from './types.js';

/** path → [op, value] for every traced node, for compact assertions. */
function flatten(node: TraceNode, into: Record<string, [string | null, unknown]> = {}): Record<string, [string | null, unknown]> {
  into[node.path] = [node.op, node.value];
  node.args.forEach((arg) => flatten(arg, into));
  return into;
}

describe('traceRule', () => {
  const rebate: Rule = {
    if: [
      { '<': [{ var: 'attainment' }, 0.8] }, 0,
      { tier: [{ var: 'attainment' }, [[0.8, 'ge', 0.02], [1, 'ge', 0.05]], 0] },
    ],
  };

  it('gives the value of every evaluated sub-expression, by its position in the rule', () => {
    const { value, trace } = traceRule(rebate, { attainment: 0.95 });
    expect(value).toBe(0.02);
    expect(flatten(trace)).toEqual({
      '': ['if', 0.02],
      '/if/0': ['<', false],
      '/if/0/</0': ['var', 0.95],
      '/if/0/</0/var': [null, 'attainment'],
      '/if/0/</1': [null, 0.8],
      '/if/2': ['tier', 0.02],
      '/if/2/tier/0': ['var', 0.95],
      '/if/2/tier/0/var': [null, 'attainment'],
      '/if/2/tier/1': [null, [[0.8, 'ge', 0.02], [1, 'ge', 0.05]]],
      '/if/2/tier/1/0': [null, [0.8, 'ge', 0.02]],
      '/if/2/tier/1/0/0': [null, 0.8],
      '/if/2/tier/1/0/1': [null, 'ge'],
      '/if/2/tier/1/0/2': [null, 0.02],
      '/if/2/tier/1/1': [null, [1, 'ge', 0.05]],
      '/if/2/tier/1/1/0': [null, 1],
      '/if/2/tier/1/1/1': [null, 'ge'],
      '/if/2/tier/1/1/2': [null, 0.05],
      '/if/2/tier/2': [null, 0],
    });
  });

  it('leaves out branches that were not evaluated, which may be invalid for this data', () => {
    const rule: Rule = { if: [{ var: 'd' }, { year: { var: 'd' } }, 'no date'] };
    expect(Object.keys(flatten(traceRule(rule, { d: null }).trace))).toEqual(['', '/if/0', '/if/0/var', '/if/2']);
    expect(traceRule(rule, { d: '2026-05-01' }).trace.args.map((a) => [a.path, a.value])).toEqual([['/if/0', '2026-05-01'], ['/if/1', 2026]]);
    const and = traceRule({ and: [{ '>': [1, 2] }, { nope: 1 }] });
    expect(and.trace.args.map((a) => a.path)).toEqual(['/and/0']);
    const or = traceRule({ or: [0, '', 'x', { nope: 1 }] });
    expect(or.trace.args.map((a) => a.value)).toEqual([0, '', 'x']);
  });

  it('traces an iterator and the array it walks, not each item', () => {
    const { trace } = traceRule({ reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, { var: 'start' }] }, { xs: [1, 2], start: 10 });
    expect(flatten(trace)).toEqual({
      '': ['reduce', 13], '/reduce/0': ['var', [1, 2]], '/reduce/0/var': [null, 'xs'], '/reduce/2': ['var', 10], '/reduce/2/var': [null, 'start'],
    });
    const some = traceRule({ some: [[1, 2], { '>': [{ var: '' }, 1] }] }).trace;
    expect(some.args.map((a) => [a.path, a.value])).toEqual([['/some/0', [1, 2]]]);
  });

  it('escapes operator names in paths and shows non-JSON intermediates as text', () => {
    const { value, trace } = traceRule({ '!!': { '/': [1, 0] } });
    expect(value).toBe(true);
    expect(flatten(trace)).toEqual({ '': ['!!', true], '/!!': ['/', 'Infinity'], '/!!/~1/0': [null, 1], '/!!/~1/1': [null, 0] });
  });

  it('every traced operation value is the reference value of its sub-expression', () => {
    const parts: Rule[] = [{ dec_add: [{ var: 'a' }, 0.2] }, '-', { length: { var: 'tags' } }, { missing: ['a', 'b'] }];
    const rule = { cat: parts };
    const data = { a: 0.1, tags: ['x', 'y'] };
    const { value, trace } = traceRule(rule, data);
    expect(value).toBe(evaluateReference(rule, data));
    const check = (node: TraceNode | undefined, sub: Rule) => {
      if (node?.op !== null) expect(node?.value).toEqual(evaluateReference(sub, data));
    };
    check(trace, rule);
    parts.forEach((sub, i) => check(trace.args[i], sub));
    expect(trace.args.map((a) => a.value)).toEqual([0.3, '-', 2, ['b']]);
  });

  it('throws exactly when evaluation throws', () => {
    expect(errorCode(() => traceRule({ '/': [1, 0] }))).toBe('RULE_NON_JSON_RESULT');
    expect(errorCode(() => traceRule({ nope: 1 }))).toBe('RULE_UNKNOWN_OPERATOR');
    expect(traceRule(7)).toEqual({ value: 7, trace: { path: '', op: null, value: 7, args: [] } });
  });
});
