import { describe, expect, it } from 'vitest';
import { evaluateReference as run } from '../reference.js';
import { errorCode } from '../testing/error-code.js';

describe('decimal-exact arithmetic', () => {
  it('adds the numbers as written: 0.1 + 0.2 = 0.3 (json-logic + does not)', () => {
    expect(run({ dec_add: [0.1, 0.2] })).toBe(0.3);
    expect(run({ '+': [0.1, 0.2] })).not.toBe(0.3);
    expect(run({ dec_add: [0.1, 0.2, 0.3, '0.4'] })).toBe(1);
    expect(run({ dec_add: 5 })).toBe(5);
  });

  it('subtracts, multiplies and divides exactly', () => {
    expect(run({ dec_sub: [0.3, 0.1] })).toBe(0.2);
    expect(run({ dec_mul: [1.1, 1.1] })).toBe(1.21);
    expect(run({ dec_mul: [19.99, 3, '0.5'] })).toBe(29.985);
    expect(run({ dec_div: [0.3, 0.1] })).toBe(3);
    expect(run({ dec_div: [1, 3] })).toBe(1 / 3);
    expect(run({ dec_div: [-6, 4] })).toBe(-1.5);
  });

  it('never returns -0', () => {
    expect(Object.is(run({ dec_mul: [-1, 0] }), 0)).toBe(true);
  });

  it('rejects division by zero, non-numbers and wrong arity', () => {
    expect(errorCode(() => run({ dec_div: [1, 0] }))).toBe('RULE_BAD_ARGUMENT');
    for (const bad of [null, true, 'abc', '0x10', 'Infinity', ' 1', [1], {}]) {
      expect(errorCode(() => run({ dec_add: [1, bad] }))).toBe('RULE_BAD_ARGUMENT');
    }
    expect(errorCode(() => run({ dec_sub: [1] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ dec_div: [1, 2, 3] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ dec_add: [] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ dec_mul: [1e308, 10] }))).toBe('RULE_BAD_ARGUMENT');
  });
});

describe('round', () => {
  const cases: [number, string, number][] = [
    // [x, mode, result at 0 places]
    [2.5, 'half_up', 3], [-2.5, 'half_up', -3], [2.4, 'half_up', 2],
    [2.5, 'half_even', 2], [3.5, 'half_even', 4], [-2.5, 'half_even', -2],
    [2.7, 'down', 2], [-2.7, 'down', -2],
    [2.1, 'up', 3], [-2.1, 'up', -3],
    [2.7, 'floor', 2], [-2.1, 'floor', -3],
    [2.1, 'ceil', 3], [-2.7, 'ceil', -2],
  ];
  it.each(cases)('round(%s, 0, %s) = %s', (x, mode, result) => {
    expect(run({ round: [x, 0, mode] })).toBe(result);
  });

  it('defaults to 0 places, half_up', () => {
    expect(run({ round: 0.5 })).toBe(1);
    expect(run({ round: [-0.5] })).toBe(-1);
    expect(run({ round: [1.25, 1] })).toBe(1.3);
  });

  it('rounds the decimal as written, so 1.005 is a tie (binary 1.005 is below it)', () => {
    expect(run({ round: [1.005, 2] })).toBe(1.01);
    expect(run({ round: [1.005, 2, 'half_even'] })).toBe(1);
    expect(run({ round: ['2.675', 2] })).toBe(2.68);
    expect(run({ round: [{ dec_mul: [0.07, 1234.5] }, 2] })).toBe(86.42);
  });

  it('rejects bad places and modes', () => {
    for (const places of [-1, 1.5, 21, '2', null]) {
      expect(errorCode(() => run({ round: [1, places] }))).toBe('RULE_BAD_ARGUMENT');
    }
    expect(errorCode(() => run({ round: [1, 0, 'HALF_UP'] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ round: [1, 0, 'toString'] }))).toBe('RULE_BAD_ARGUMENT');
    expect(errorCode(() => run({ round: ['x'] }))).toBe('RULE_BAD_ARGUMENT');
  });
});

describe('integer fast path', () => {
  it('gives what decimal.js gives for integers, including at the edge of safe integers', async () => {
    const { Dec } = await import('./decimal-value.js');
    const toNumber = (d: InstanceType<typeof Dec>) => { const n = d.toNumber(); return n === 0 ? 0 : n; };
    let seed = 7;
    const next = () => { seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648; return seed; };
    const samples = [0, 1, -1, 10_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 52, 94_906_267];
    for (let i = 0; i < 400; i++) samples.push((next() - 1_073_741_824) * (i % 3 === 0 ? next() : 1));
    for (const a of samples) {
      for (const b of samples.slice(0, 40)) {
        const [da, db] = [new Dec(a), new Dec(b)];
        expect(run({ dec_add: [a, b] }), `${a}+${b}`).toBe(toNumber(da.plus(db)));
        expect(run({ dec_sub: [a, b] }), `${a}-${b}`).toBe(toNumber(da.minus(db)));
        expect(run({ dec_mul: [a, b] }), `${a}*${b}`).toBe(toNumber(da.times(db)));
        if (b !== 0) expect(run({ dec_div: [a, b] }), `${a}/${b}`).toBe(toNumber(da.dividedBy(db)));
      }
    }
  });
});
