import { describe, expect, it } from 'vitest';
import { evaluateReference as run } from '../reference.js';
import { errorCode } from '../testing/error-code.js';

// The attainment rebate: 80–90% 2%, 90–100% 3%, 100–120% 5% (120% included), above 120% 8%.
const REBATE = [[0.8, 'ge', 0.02], [0.9, 'ge', 0.03], [1, 'ge', 0.05], [1.2, 'gt', 0.08]];
const rebate = (attainment: unknown) => run({ tier: [{ var: 'a' }, REBATE, 0] }, { a: attainment });

describe('tier', () => {
  it.each([
    [0, 0], [0.7999, 0], [0.8, 0.02], [0.8999, 0.02], [0.9, 0.03], [0.9999, 0.03],
    [1, 0.05], [1.1999, 0.05], [1.2, 0.05], [1.2001, 0.08], [5, 0.08], ['1.2', 0.05], ['1.20000000000000000001', 0.08],
  ])('attainment %s → %s', (a, rate) => {
    expect(rebate(a)).toBe(rate);
  });

  it('compares the decimal as written, so a computed 0.1+0.7 misses 0.8 only with binary +', () => {
    expect(run({ tier: [{ '+': [0.1, 0.7] }, REBATE, 0] })).toBe(0);
    expect(run({ tier: [{ dec_add: [0.1, 0.7] }, REBATE, 0] })).toBe(0.02);
  });

  it('defaults to null, and outputs may be any value', () => {
    expect(run({ tier: [0.5, REBATE] })).toBeNull();
    expect(run({ tier: [3, [[1, 'ge', 'silver'], [3, 'ge', 'gold']], 'none'] })).toBe('gold');
    expect(run({ tier: [1, [[1, 'ge', { var: 'o' }]]] }, { o: { x: 1 } })).toEqual({ x: 1 });
    expect(run({ tier: [1, []] })).toBeNull();
  });

  it('allows ge then gt on one threshold', () => {
    const rows = [[1, 'ge', 'at least 1'], [1, 'gt', 'above 1']];
    expect(run({ tier: [1, rows] })).toBe('at least 1');
    expect(run({ tier: [1.5, rows] })).toBe('above 1');
  });

  it('rejects unordered rows, bad rows and non-numbers, whatever x is', () => {
    const badTables = [
      [[0.9, 'ge', 1], [0.8, 'ge', 2]],
      [[1, 'ge', 1], [1, 'ge', 2]],
      [[1, 'gt', 1], [1, 'ge', 2]],
      [[1, 'gte', 1]],
      [[1, 'ge']],
      [['x', 'ge', 1]],
      [null],
    ];
    for (const rows of badTables) {
      expect(errorCode(() => run({ tier: [0, rows] }))).toBe('RULE_BAD_ARGUMENT');
    }
    expect(errorCode(() => run({ tier: [0, 'rows'] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ tier: [null, REBATE] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ tier: [1] }))).toBe('RULE_BAD_ARGUMENT');
  });
});
