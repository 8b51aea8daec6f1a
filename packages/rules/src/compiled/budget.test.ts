import { describe, expect, it } from 'vitest';
import type { Rule } from '../types.js';
import { evaluateReference } from '../reference.js';
import { errorCode } from '../testing/error-code.js';
import { compileRule } from './compile.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('compiled evaluation is bounded at run time', () => {
  it('stops a map over an array longer than maxArrayLength', () => {
    const rule: Rule = { map: [{ var: 'xs' }, { '+': [{ var: '' }, 1] }] };
    expect(errorCode(() => compileRule(rule)({ xs: range(100_001) }))).toBe('RULE_BUDGET_EXCEEDED');
    expect(errorCode(() => compileRule(rule, { maxArrayLength: 10 })({ xs: range(11) }))).toBe('RULE_BUDGET_EXCEEDED');
    expect(compileRule(rule, { maxArrayLength: 10 })({ xs: range(10) })).toEqual(evaluateReference(rule, { xs: range(10) }));
  });

  it('counts every per-item step of every iterator, nested ones included, per evaluation', () => {
    const nested: Rule = { map: [{ var: 'rows' }, { all: [{ var: '' }, { '>=': [{ var: '' }, 0] }] }] };
    const rows = range(10).map(() => range(10)); // 10 outer + 100 inner steps
    expect(errorCode(() => compileRule(nested, { maxSteps: 100 })({ rows }))).toBe('RULE_BUDGET_EXCEEDED');
    const enough = compileRule(nested, { maxSteps: 110 });
    expect(enough({ rows })).toEqual(evaluateReference(nested, { rows }));
    expect(enough({ rows })).toEqual(evaluateReference(nested, { rows }));
    // per-item logic that lets each iterator walk the whole array
    const walksAll: Record<string, Rule> = {
      all: { '>=': [{ var: '' }, 0] }, some: { '<': [{ var: '' }, 0] }, none: { '<': [{ var: '' }, 0] },
      filter: { '<': [{ var: '' }, 0] }, reduce: { '+': [{ var: 'current' }, { var: 'accumulator' }] },
    };
    for (const [op, logic] of Object.entries(walksAll)) {
      const rule = { [op]: [{ var: 'xs' }, logic, 0] } as Rule;
      expect(errorCode(() => compileRule(rule, { maxSteps: 5 })({ xs: range(6) })), op).toBe('RULE_BUDGET_EXCEEDED');
      expect(compileRule(rule, { maxSteps: 6 })({ xs: range(6) }), op).toEqual(evaluateReference(rule, { xs: range(6) }));
    }
  });

  it('stops merges that grow past maxArrayLength, however they are nested', () => {
    const doubling: Rule = { reduce: [{ var: 'xs' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] };
    expect(errorCode(() => compileRule(doubling)({ xs: range(40) }))).toBe('RULE_BUDGET_EXCEEDED');
    expect(compileRule(doubling)({ xs: range(3) })).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    const wide: Rule = { merge: [{ var: 'a' }, { var: 'a' }] };
    expect(errorCode(() => compileRule(wide)({ a: range(60_000) }))).toBe('RULE_BUDGET_EXCEEDED');
    expect(errorCode(() => compileRule({ filter: [{ var: 'a' }, true] })({ a: range(100_001) }))).toBe('RULE_BUDGET_EXCEEDED');
  });
});
