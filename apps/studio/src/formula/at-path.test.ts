import { describe, expect, it } from 'vitest';
import type { Rule } from '@trellis/rules';
import { formulaAt, ruleAt } from './at-path.js';

describe('parts of a rule by position', () => {
  const rule: Rule = { and: [{ '>=': [{ var: 'creditLimit' }, 100000] }, { '!': { in: [{ var: 'region' }, ['east']] } }], 'a/b~': [1] };
  it('finds the part a trace or a problem names', () => {
    expect(ruleAt(rule, '')).toBe(rule);
    expect(ruleAt(rule, '/and/0/>=/1')).toBe(100000);
    expect(ruleAt(rule, '/a~1b~0/0')).toBe(1);
    expect(ruleAt(rule, '/and/5')).toBeUndefined();
    expect(ruleAt(rule, '/and/0/>=/1/x')).toBeUndefined();
    expect(ruleAt(rule, '/toString')).toBeUndefined();
  });

  it('says it as a formula', () => {
    expect(formulaAt(rule, '/and/0')).toBe('creditLimit >= 100000');
    expect(formulaAt(rule, '/and/1/!')).toBe('region in ["east"]');
    expect(formulaAt(rule, '/and/1')).toBe('not (region in ["east"])');
    expect(formulaAt(rule, '/nowhere')).toBeNull();
  });
});
