import { describe, expect, it } from 'vitest';
import { evaluateProgram } from './evaluate.js';
import { openAccount, tieredProgram } from './testing/fixtures.js';

const program = tieredProgram();
const run = (revenue: string | number, quota: string | number = 1_000_000, p = program, subject: Record<string, unknown> = openAccount) =>
  evaluateProgram(p, { subject, metrics: { revenue: String(revenue), quota: String(quota) }, period: '2026-Q1' });

describe('evaluateProgram: tier boundaries (hand-computed, quota 1,000,000)', () => {
  it.each([
    ['79.99%', 799_900, null, '0.00', 0],
    ['80% (inclusive)', 800_000, 0.02, '16000.00', 1],
    ['90% (inclusive)', 900_000, 0.03, '27000.00', 2],
    ['100% (inclusive)', 1_000_000, 0.05, '50000.00', 3],
    ['120% (inclusive, 5% band)', 1_200_000, 0.05, '60000.00', 3],
    ['120.01%', 1_200_100, 0.08, '96008.00', 4],
  ])('%s pays %s', (_name, revenue, rate, total, row) => {
    const result = run(revenue);
    expect(result.total).toBe(total);
    expect(result.lines).toEqual([expect.objectContaining({ id: 'payout', amount: total })]);
    const table = result.explanation.derived.find((d) => d.id === 'rate');
    expect(table?.table?.rows).toBe(row);
    expect(table?.value).toBe(rate ?? 0);
    expect(table?.table?.inputs).toEqual({ attainment: revenue / 1_000_000 });
  });

  it('names the matched row and its note in the explanation, with the formula inputs and sub-results', () => {
    const { explanation, lines } = run(1_050_000);
    expect(explanation.derived).toEqual([
      { id: 'attainment', value: 1.05 },
      { id: 'rate', value: 0.05, table: { inputs: { attainment: 1.05 }, rows: 3, notes: [{ en: '[100%, 120%]', 'zh-CN': '（[100%, 120%]）' }], value: 0.05 } },
    ]);
    expect(lines[0]?.explanation).toEqual({
      formula: { kind: 'base_rate', base: 'revenue', baseValue: '1050000', rate: 0.05 },
      raw: '52500', prorated: '52500', rounded: '52500.00', capped: [],
    });
    expect(explanation.metrics).toEqual({ revenue: '1050000', quota: '1000000' });
    expect(explanation.rounding).toEqual({ scale: 2, mode: 'half_up' });
    expect(explanation.period).toEqual({ id: '2026-Q1', kind: 'quarter', start: '2026-01-01', end: '2026-03-31', days: 90 });
  });

  it('traces every sub-expression on request', () => {
    const result = evaluateProgram(program, { subject: openAccount, metrics: { revenue: 900_000, quota: 1_000_000 }, period: '2026-Q1' }, { trace: true });
    expect(result.explanation.eligibility.trace?.value).toBe(true);
    const attainment = result.explanation.derived[0];
    expect(attainment?.trace?.op).toBe('if');
    expect(attainment?.trace?.value).toBe(0.9);
    expect(result.lines[0]?.explanation.formula.trace).toEqual({ path: '', op: 'var', value: 0.03, args: [{ path: '/var', op: null, value: 'rate', args: [] }] });
  });
});

describe('evaluateProgram: rounding', () => {
  it('rounds half-up at exactly .005, and by the stated mode otherwise', () => {
    // 0.25 × 2% = 0.005 exactly
    expect(run('0.25', '0.3').total).toBe('0.01');
    expect(run('0.25', '0.3', tieredProgram({ rounding: { scale: 2, mode: 'half_even' } })).total).toBe('0.00');
    expect(run('0.75', '0.9', tieredProgram({ rounding: { scale: 2, mode: 'half_even' } })).total).toBe('0.02');
    expect(run('0.25', '0.3', tieredProgram({ rounding: { scale: 2, mode: 'down' } })).total).toBe('0.00');
    expect(run('100.1', '105', tieredProgram({ rounding: { scale: 2, mode: 'ceil' } })).total).toBe('3.01');
    expect(run('1234567.89', '1000000', tieredProgram({ rounding: { scale: 0, mode: 'half_up' } })).total).toBe('98765');
  });

  it('stays exact beyond float precision', () => {
    const result = run('123456789012345678.91', '100000000000000000');
    // 123456789012345678.91 × 8% = 9876543120987654.3128; as binary floats the product is 9876543120987654
    expect(result.total).toBe('9876543120987654.31');
    expect(result.lines[0]?.explanation.raw).toBe('9876543120987654.3128');
  });
});

describe('evaluateProgram: proration', () => {
  const prorated = tieredProgram({ proration: { from: 'startedOn', to: 'endedOn' } });
  const withDates = (startedOn: string | null, endedOn?: string) => ({ ...openAccount, startedOn, ...(endedOn ? { endedOn } : {}) });

  it.each([
    ['joined 15 Feb: 45/90', '2026-02-15', undefined, '45/90', '25000.00'],
    ['joined 31 Jan: 60/90', '2026-01-31', undefined, '60/90', '33333.33'],
    ['ended 10 Jan: 10/90', '2025-06-01', '2026-01-10', '10/90', '5555.56'],
    ['joined on the last day: 1/90', '2026-03-31', undefined, '1/90', '555.56'],
    ['joined after the period: 0/90', '2026-04-01', undefined, '0/90', '0.00'],
    ['joined before: the whole period', '2025-12-31', undefined, '90/90', '50000.00'],
    ['no start date: open, the whole period', null, undefined, '90/90', '50000.00'],
  ])('%s', (_name, startedOn, endedOn, factor, total) => {
    const result = run(1_000_000, 1_000_000, prorated, withDates(startedOn, endedOn));
    expect(result.explanation.proration?.factor).toBe(factor);
    expect(result.total).toBe(total);
  });

  it('multiplies before dividing, so the factor never rounds on its own', () => {
    // 1/3 of a year as 0.3333… would give 33.33 on 100.00 either way, but 300 × 122/366 is exactly 100
    const yearly = tieredProgram({ period: 'year', proration: { from: 'startedOn' }, derived: [], lines: [{ id: 'flat', label: { en: 'Flat', 'zh-CN': '固定' }, amount: 300 }] });
    const result = evaluateProgram(yearly, { subject: { ...openAccount, startedOn: '2024-09-01' }, metrics: { revenue: 0, quota: 0 }, period: '2024' });
    expect(result.explanation.proration?.factor).toBe('122/366');
    expect(result.total).toBe('100.00');
  });
});

describe('evaluateProgram: per-subject cap', () => {
  const capped = tieredProgram({
    caps: { perSubject: 40_000 },
    lines: [...tieredProgram().lines, { id: 'bonus', label: { en: 'Bonus', 'zh-CN': '奖励' }, amount: 1000 }],
  });

  it('scales the lines down proportionally to add up to the cap exactly', () => {
    const result = run(1_000_000, 1_000_000, capped);
    // 50,000 + 1,000 = 51,000 > 40,000: 50,000 × 40/51 = 39,215.686… → 39,215.68, the rest 784.32
    expect(result.lines.map((l) => l.amount)).toEqual(['39215.68', '784.32']);
    expect(result.total).toBe('40000.00');
    expect(result.explanation.caps).toEqual([{
      kind: 'perSubject', cap: '40000.00', before: '51000.00', subjectBefore: '51000.00', subjectAfter: '40000.00', method: 'proportional_cumulative',
    }]);
    expect(result.lines[0]?.explanation.rounded).toBe('50000.00');
    expect(result.lines[0]?.explanation.capped).toEqual([{ kind: 'perSubject', amount: '39215.68' }]);
  });

  it('leaves a total at or under the cap alone', () => {
    const result = run(780_000, 1_000_000, capped);
    expect(result.total).toBe('1000.00');
    expect(result.explanation.caps).toEqual([]);
  });
});

describe('evaluateProgram: eligibility and errors', () => {
  it('pays nothing to an ineligible subject and says so', () => {
    const result = run(2_000_000, 1_000_000, program, { ...openAccount, status: 'closed' });
    expect(result).toMatchObject({ eligible: false, lines: [], total: '0.00', subject: 'A1' });
    expect(result.explanation.eligibility).toEqual({ value: false });
  });

  it('reports unusable input with INCENTIVE_* problems naming the place', () => {
    const input = { subject: openAccount, metrics: { revenue: 1 }, period: '2026-Q1' };
    expect(() => evaluateProgram(program, input)).toThrow(expect.objectContaining({ code: 'INCENTIVE_MISSING_METRIC' }));
    expect(() => evaluateProgram(program, { ...input, metrics: { revenue: 1, quota: 1 }, period: '2026-03' }))
      .toThrow(expect.objectContaining({ code: 'INCENTIVE_PERIOD_KIND_MISMATCH' }));
    expect(() => evaluateProgram(program, { ...input, metrics: { revenue: 'lots', quota: 1 } }))
      .toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'INCENTIVE_NOT_A_NUMBER', path: 'metrics.revenue' })] }));
    const negative = tieredProgram({ lines: [{ id: 'minus', label: { en: 'Minus', 'zh-CN': '负' }, amount: -1 }] });
    expect(() => evaluateProgram(negative, { ...input, metrics: { revenue: 1, quota: 1 } }))
      .toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'INCENTIVE_NEGATIVE_AMOUNT', path: 'lines.0' })] }));
  });

  it('places a failing rule under its part of the program', () => {
    const broken = tieredProgram({ lines: [{ id: 'div', label: { en: 'Div', 'zh-CN': '除' }, amount: { dec_div: [1, { var: 'quota' }] } }] });
    expect(() => evaluateProgram(broken, { subject: openAccount, metrics: { revenue: 1, quota: 0 }, period: '2026-Q1' }))
      .toThrow(expect.objectContaining({ problems: [expect.objectContaining({ code: 'RULE_BAD_ARGUMENT', path: 'lines.0.amount' })] }));
  });
});
