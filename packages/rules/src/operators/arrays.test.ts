import { describe, expect, it } from 'vitest';
import { evaluateReference as run } from '../reference.js';
import { errorCode } from '../testing/error-code.js';

describe('length', () => {
  it('counts code points of strings and items of arrays', () => {
    expect(run({ length: 'abc' })).toBe(3);
    expect(run({ length: '渠道伙伴' })).toBe(4);
    expect(run({ length: '𠮷野家😀' })).toBe(4);
    expect(run({ length: '' })).toBe(0);
    expect(run({ length: [[1, 2, 3]] })).toBe(3);
    expect(run({ length: { var: 'tags' } }, { tags: ['a', 'b'] })).toBe(2);
  });

  it('rejects other values', () => {
    for (const bad of [null, 5, true, {}]) expect(errorCode(() => run({ length: [bad] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ length: { var: 'missing' } }, {}))).toBe('RULE_BAD_ARGUMENT');
  });
});

describe('aggregates', () => {
  const lines = { lines: [{ amount: 0.1 }, { amount: 0.2 }, { amount: null }, {}, { amount: '0.3' }] };

  it('sums decimal-exactly, skipping null and missing values', () => {
    expect(run({ sum: [[0.1, 0.2]] })).toBe(0.3);
    expect(run({ sum: [{ var: 'lines' }, 'amount'] }, lines)).toBe(0.6);
    expect(run({ sum: [[]] })).toBe(0);
    expect(run({ sum: [[null]] })).toBe(0);
    expect(run({ sum: [{ var: 'rows' }, 'a.b'] }, { rows: [{ a: { b: 1 } }, { a: { b: 2.5 } }, { a: null }] })).toBe(3.5);
  });

  it('averages the non-null values; no values → null', () => {
    expect(run({ avg: [{ var: 'lines' }, 'amount'] }, lines)).toBe(0.2);
    expect(run({ avg: [[1, 2]] })).toBe(1.5);
    expect(run({ avg: [[1, 2, 2]] })).toBe(5 / 3);
    expect(run({ avg: [[]] })).toBeNull();
    expect(run({ avg: [[null, null]] })).toBeNull();
  });

  it('finds min and max; no values → null', () => {
    expect(run({ min_of: [{ var: 'lines' }, 'amount'] }, lines)).toBe(0.1);
    expect(run({ max_of: [{ var: 'lines' }, 'amount'] }, lines)).toBe(0.3);
    expect(run({ min_of: [[3, -1, '2']] })).toBe(-1);
    expect(run({ max_of: [[3, -1, '20']] })).toBe(20);
    expect(run({ min_of: [[]] })).toBeNull();
    expect(run({ max_of: [[]] })).toBeNull();
  });

  it('never reads through prototypes', () => {
    expect(run({ sum: [{ var: 'rows' }, 'constructor'] }, { rows: [{ a: 1 }] })).toBe(0);
    expect(run({ max_of: [{ var: 'rows' }, 'toString'] }, { rows: [{ a: 1 }, 'abc'] })).toBeNull();
  });

  it('rejects non-arrays, non-numeric values and bad fields', () => {
    for (const op of ['sum', 'avg', 'min_of', 'max_of']) {
      expect(errorCode(() => run({ [op]: [null] }))).toBe('RULE_BAD_ARGUMENT');
      expect(errorCode(() => run({ [op]: ['1,2'] }))).toBe('RULE_BAD_ARGUMENT');
      expect(errorCode(() => run({ [op]: [[1, 'x']] }))).toBe('RULE_BAD_ARGUMENT');
      expect(errorCode(() => run({ [op]: [[1, true]] }))).toBe('RULE_BAD_ARGUMENT');
      expect(errorCode(() => run({ [op]: [{ var: 'rows' }] }, { rows: [{ a: 1 }] }))).toBe('RULE_BAD_ARGUMENT');
      expect(errorCode(() => run({ [op]: [[[1]], 0] }))).toBe('RULE_BAD_ARGUMENT');
      expect(errorCode(() => run({ [op]: [[1], 'a', 'b'] }))).toBe('RULE_BAD_ARGUMENT');
    }
  });
});
