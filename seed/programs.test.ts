import { describe, expect, it } from 'vitest';
import type { ProgramDefinition } from '@trellis/definitions';
import { computeMetrics, evaluateProgram, programInForce, type MetricValues } from '@trellis/incentives';
import { evaluateReference, type Rule } from '@trellis/rules';
import { generateSampleData } from './generate.js';
import { loadPrmTemplate, ruleOf } from './template.js';

const app = loadPrmTemplate();
const programs = app.programs ?? [];
const programOf = (id: string): ProgramDefinition => {
  const found = programs.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no program ${id}`);
  return found;
};

/** An eligible partner (every condition of the eligibility rule met). */
const partner = {
  partnerId: 'P000001', status: 'active', tierMetal: 'gold', kind: 'distributor', region: 'east', joinedOn: '2023-05-10',
  certifications: [{ type: 'sales', level: 'professional', obtainedOn: '2024-03-01', expiresOn: '2027-03-01' }], warnings: [],
};
const context = { excludedRegions: ['northwest'] };
const pay = (id: string, metrics: MetricValues, period: string, subject: Record<string, unknown> = partner) =>
  evaluateProgram(programOf(id), { subject, metrics, period, context });

describe('the PRM incentive programs', () => {
  it('ship the five programs of the domain', () => {
    expect(programs.map((p) => p.id)).toEqual([
      'annual_attainment_rebate', 'quarterly_growth_rebate', 'new_product_launch_rebate', 'first_order_bonus', 'coop_marketing_share',
    ]);
  });

  it('use the template rule tables as they are, so an admin edits the tiers in one format', () => {
    const table = (programId: string, id: string) => programOf(programId).derived?.find((d) => d.id === id)?.table;
    expect(table('annual_attainment_rebate', 'rate')).toEqual(ruleOf(app, 'attainment_rebate_rate').table);
    const coop = ruleOf(app, 'coop_share_by_tier').table;
    expect(table('coop_marketing_share', 'coop_share')).toEqual({ ...coop, inputs: [{ ...coop?.inputs[0], expr: { var: '$subject.tierMetal' } }] });
  });

  it('decide eligibility exactly as the partner_eligibility rule, on every one of its tests', () => {
    const rule = ruleOf(app, 'partner_eligibility');
    for (const test of rule.tests ?? []) {
      const { excludedRegions, periodEnd, ...subject } = test.data as Record<string, unknown>;
      const data = { $subject: subject, $period: { end: periodEnd ?? null }, $context: excludedRegions === undefined ? {} : { excludedRegions } };
      for (const program of programs.filter((p) => p.id !== 'first_order_bonus')) {
        const evaluate = () => evaluateReference(program.eligibility as Rule, data);
        if (test.error === true) expect(evaluate, `${program.id}: ${test.name}`).toThrow();
        else expect(evaluate(), `${program.id}: ${test.name}`).toBe(test.expect);
      }
    }
  });
});

describe('annual attainment rebate (target 1,000,000)', () => {
  it.each([
    ['79.99%', '799900', '0.00', 'below 80%: no rebate'],
    ['80%', '800000', '16000.00', '[80%, 90%)'],
    ['90%', '900000', '27000.00', '[90%, 100%)'],
    ['100%', '1000000', '50000.00', '[100%, 120%], 120% inclusive'],
    ['120%', '1200000', '60000.00', '[100%, 120%], 120% inclusive'],
    ['120.01%', '1200100', '96008.00', 'above 120%'],
  ])('%s pays %s and names the row', (_name, actual, total, note) => {
    const result = pay('annual_attainment_rebate', { actual, target: '1000000' }, '2026');
    expect(result.total).toBe(total);
    const rate = result.explanation.derived.find((d) => d.id === 'rate');
    expect(rate?.table?.notes[0]?.en).toBe(note);
  });

  it('adds up the quarters of the year from performance records, and caps a partner at 3,000,000', () => {
    const quarter = (q: number, target: number, actual: number) => ({ partnerId: 'P000001', period: `2026-Q${q}`, target, actual });
    const records = { performance: [quarter(1, 2.5e7, 2.6e7), quarter(2, 2.5e7, 2.6e7), quarter(3, 2.5e7, 2.6e7), quarter(4, 2.5e7, 3.2e7),
      { partnerId: 'P000001', period: '2025-Q4', target: 1, actual: 1e9 }, { partnerId: 'P000002', period: '2026-Q1', target: 1, actual: 1e9 }] };
    const program = programOf('annual_attainment_rebate');
    const metrics = computeMetrics(program, '2026', records, { subject: partner });
    expect(metrics).toEqual({ actual: '110000000', target: '100000000' });
    const result = pay('annual_attainment_rebate', metrics, '2026');
    // 110% → 5% of 110,000,000 = 5,500,000, capped at 3,000,000
    expect(result.lines[0]?.explanation.rounded).toBe('5500000.00');
    expect(result.total).toBe('3000000.00');
    expect(result.explanation.caps[0]?.kind).toBe('perSubject');
  });
});

describe('quarterly growth rebate', () => {
  it('pays what the quarterly_growth_rebate rule gives, on every one of its tests', () => {
    for (const test of ruleOf(app, 'quarterly_growth_rebate').tests ?? []) {
      const data = test.data as { actual: number; sameQuarterLastYear?: number };
      const result = pay('quarterly_growth_rebate', { actual: String(data.actual), same_quarter_last_year: String(data.sameQuarterLastYear ?? 0) }, '2026-Q2');
      expect(result.total, test.name).toBe((test.expect as number).toFixed(2));
    }
  });
});

describe('new-product launch rebate', () => {
  const program = programOf('new_product_launch_rebate');

  it('is in force for the first 6 months after launch, as the new_product_rebate rule counts them', () => {
    expect(programInForce([program], '2026-Q1')).toEqual({ ok: true, value: program });
    expect(programInForce([program], '2026-Q2')).toEqual({ ok: true, value: program });
    expect(programInForce([program], '2026-Q3')).toEqual({ ok: true, value: null });
    const rule = ruleOf(app, 'new_product_rebate').logic as Rule;
    const at = (orderDate: string) => evaluateReference(rule, { launchDate: program.effectiveFrom, orderDate, newProductSales: 100 });
    expect([at(program.effectiveTo ?? ''), at('2026-07-01')]).toEqual([10, 0]);
  });

  it('pays 10% of the new line’s sales in the quarter', () => {
    const records = { performance: [{ partnerId: 'P000001', period: '2026-Q2', target: 1, actual: 300,
      productLines: [{ line: '云服务', target: 1, actual: 123.45 }, { line: '网络设备', target: 0, actual: 176.55 }] }] };
    const metrics = computeMetrics(program, '2026-Q2', records, { subject: partner });
    expect(metrics).toEqual({ new_product_sales: '123.45' });
    expect(pay('new_product_launch_rebate', metrics, '2026-Q2').total).toBe('12.35');
  });
});

describe('first-order bonus', () => {
  it.each([
    ['joined this quarter, first sales', '2026-02-10', '1000', '0', '5000.00'],
    ['joined 17 days before the quarter', '2025-12-15', '1000', '0', '5000.00'],
    ['joined 90 days before the quarter (day 90 counts)', '2025-10-03', '1000', '0', '5000.00'],
    ['joined 91 days before the quarter', '2025-10-02', '1000', '0', '0.00'],
    ['sold in an earlier quarter', '2025-12-15', '1000', '1', '0.00'],
    ['no sales this quarter', '2026-02-10', '0', '0', '0.00'],
  ])('%s → %s', (_name, joinedOn, sales, previous, total) => {
    expect(pay('first_order_bonus', { quarter_sales: sales, previous_orders: previous }, '2026-Q1', { ...partner, joinedOn }).total).toBe(total);
  });
});

describe('co-op marketing share', () => {
  it('pays the coop_share_by_tier share of verified spend, on every one of its tests', () => {
    const { tierMetal: _gold, ...untiered } = partner;
    for (const test of ruleOf(app, 'coop_share_by_tier').tests ?? []) {
      const result = pay('coop_marketing_share', { activity_spend: '10000' }, '2026-Q1', { ...untiered, ...(test.data as object) });
      const eligible = ['diamond', 'gold', 'silver'].includes(String((test.data as { tierMetal?: string }).tierMetal));
      expect(result.total, test.name).toBe(eligible ? ((test.expect as number) * 10000).toFixed(2) : '0.00');
    }
  });
});

describe('the programs over generated sample data', () => {
  it('pay identically with the compiled and the reference evaluator (seeded data, 60 partners, every program)', () => {
    const data = generateSampleData({ partners: 60, seed: 7, referenceDate: '2026-12-20' });
    const records = data as unknown as Record<string, unknown[]>;
    let paid = 0;
    for (const program of programs) {
      const period = program.period === 'year' ? '2026' : '2026-Q2';
      for (const subject of data.partner) {
        const metrics = computeMetrics(program, period, records, { subject });
        const input = { subject, metrics, period, context };
        const compiled = evaluateProgram(program, input, { evaluator: 'compiled' });
        expect(compiled).toEqual(evaluateProgram(program, input, { evaluator: 'reference' }));
        if (compiled.total !== '0.00') paid += 1;
      }
    }
    expect(paid).toBeGreaterThan(20);
  });
});
