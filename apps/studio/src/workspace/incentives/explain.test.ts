import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '@trellis/errors';
import { explain, type ProgramLabels } from './explain.js';
import { formatAmount, formatValue } from './format-amount.js';

const en = (text: LocalizedText) => text.en;
const program: ProgramLabels = {
  label: { en: 'Growth rebate', 'zh-CN': '增长返点' },
  metrics: [{ id: 'actual', label: { en: 'Sales', 'zh-CN': '销售额' } }],
  derived: [
    { id: 'growth', label: { en: 'Growth', 'zh-CN': '增长率' } },
    { id: 'rate', label: { en: 'Rate', 'zh-CN': '比例' }, table: { inputs: [{ id: 'g', label: { en: 'Growth in', 'zh-CN': '增长' } }], rows: [{}, { note: { en: '10% to 20%', 'zh-CN': '10% 至 20%' } }] } },
  ],
  lines: [{ id: 'rebate', label: { en: 'Rebate', 'zh-CN': '返点' } }],
};
// as packages/incentives' evaluateProgram explains a capped, prorated result
const stored = {
  eligible: true,
  amount: '900.00',
  lines: [{
    id: 'rebate', amount: '900.00',
    explanation: { formula: { kind: 'base_rate', base: 'actual', baseValue: '110000', rate: 0.01 }, raw: '1100', prorated: '1000', rounded: '1000.00', capped: [{ kind: 'perSubject', amount: '900.00' }] },
  }],
  explanation: {
    program: { id: 'p', effectiveFrom: '2026-01-01', effectiveTo: null },
    period: { id: '2026-Q2', kind: 'quarter', start: '2026-04-01', end: '2026-06-30', days: 91 },
    eligibility: { value: true },
    metrics: { actual: '110000' },
    derived: [{ id: 'growth', value: 0.1 }, { id: 'rate', value: 0.01, table: { inputs: { g: 0.1 }, rows: 1, notes: [null] } }],
    proration: { from: '2026-04-10', to: null, activeDays: 82, periodDays: 91, factor: '82/91' },
    rounding: { scale: 2, mode: 'half_up' },
    caps: [{ kind: 'perSubject', cap: '900.00', before: '1000.00', subjectBefore: '1000.00', subjectAfter: '900.00', method: 'proportional_cumulative' }],
    currency: 'CNY',
  },
};

describe('an incentive result explained', () => {
  it('names metrics, derived values, table inputs and lines by their labels and keeps the matched row', () => {
    const x = explain(stored, program, en);
    expect(x.metrics).toEqual([{ id: 'actual', label: 'Sales', value: '110000' }]);
    expect(x.derived[1]).toEqual({ id: 'rate', label: 'Rate', value: 0.01, table: { inputs: [{ id: 'g', label: 'Growth in', value: 0.1 }], rows: [{ row: 2, note: '10% to 20%' }] } });
    expect(x.lines[0]).toEqual({
      id: 'rebate', label: 'Rebate', formula: { kind: 'base_rate', base: 'Sales', baseValue: '110000', rate: 0.01 },
      raw: '1100', prorated: '1000', rounded: '1000.00', capped: [{ kind: 'perSubject', amount: '900.00' }], amount: '900.00',
    });
    expect(x).toMatchObject({ eligible: true, period: { id: '2026-Q2' }, rounding: { scale: 2, mode: 'half_up' }, total: '900.00' });
    expect(x.proration).toEqual({ activeDays: 82, periodDays: 91, from: '2026-04-10', to: null });
    expect(x.caps).toEqual([{ kind: 'perSubject', cap: '900.00', subjectBefore: '1000.00', subjectAfter: '900.00' }]);
  });

  it('shows the ids where the program has no label, no matched row when the default applied, no proration when nothing changed', () => {
    const x = explain({
      eligible: false, amount: '0.00',
      lines: [{ id: 'bonus', amount: '0.00', explanation: { formula: { kind: 'amount', amount: 0 }, raw: '0', prorated: '0', rounded: '0.00', capped: [] } }],
      explanation: { derived: [{ id: 'rate', value: 0, table: { inputs: {}, rows: null, notes: [] } }], metrics: {}, proration: null, caps: [] },
    }, { derived: program.derived }, en);
    expect(x.lines[0]).toMatchObject({ label: 'bonus', prorated: null, formula: { kind: 'amount', amount: 0 } });
    expect(x.derived[0]?.table?.rows).toEqual([]);
    expect(x).toMatchObject({ eligible: false, proration: null, period: null, rounding: null });
  });
});

describe('amounts and values in the locale', () => {
  it('formats money with the currency and every given place', () => {
    expect(formatAmount('1234567.50', 'CNY', 'en')).toBe('CN¥1,234,567.50');
    expect(formatAmount('1234567.50', 'CNY', 'zh-CN')).toBe('¥1,234,567.50');
    expect(formatAmount('1100.125', 'CNY', 'en')).toBe('CN¥1,100.125');
    expect(formatAmount('5', 'XX1', 'en')).toBe('5 XX1');
  });

  it('formats numbers and numeric strings, other values as they read', () => {
    expect(formatValue('110000', 'en')).toBe('110,000');
    expect(formatValue(0.1, 'zh-CN')).toBe('0.1');
    expect(formatValue(null, 'en')).toBe('—');
    expect(formatValue('gold', 'en')).toBe('gold');
    expect(formatValue(['a'], 'en')).toBe('["a"]');
  });
});
