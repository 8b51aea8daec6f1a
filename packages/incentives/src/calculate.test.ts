import { describe, expect, it } from 'vitest';
import { calculate } from './calculate.js';
import { evaluateProgram } from './evaluate.js';
import { openAccount, tieredProgram } from './testing/fixtures.js';

const program = tieredProgram();
const input = { subject: openAccount, metrics: { revenue: '850000', quota: '1000000' }, period: '2026-Q1' };

describe('calculate', () => {
  it('answers "if I sell X more" with the new tier, the same explanation and the difference', () => {
    const calc = calculate(program, input, { revenue: { add: 150_000 } });
    expect(calc.actual.total).toBe('17000.00'); // 85% → 2%
    expect(calc.result.total).toBe('50000.00'); // 100% → 5%
    expect(calc.difference).toBe('33000.00');
    expect(calc.changed).toEqual({ revenue: { actual: '850000', hypothetical: '1000000' } });
    expect(calc.result.explanation.derived[1]?.table?.rows).toBe(3);
  });

  it('gives exactly what a run pays for the same numbers', () => {
    const calc = calculate(program, input, { revenue: '1200100' }, {});
    expect(calc.result).toEqual(evaluateProgram(program, { ...input, metrics: { revenue: '1200100', quota: '1000000' } }));
  });
});
