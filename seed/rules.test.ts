import { describe, expect, it } from 'vitest';
import { compileRule, evaluateReference, measureRule, type JsonValue } from '@trellis/rules';
import { ruleLogic } from './generator/template-rules.js';
import { loadPrmTemplate, ruleOf } from './template.js';

const app = loadPrmTemplate();
const cases = (app.rules ?? []).flatMap((rule) =>
  (rule.tests ?? []).map((test, i) => [rule.id, test.name ?? `#${i + 1}`, ruleLogic(rule), test] as const),
);

function evaluate(id: string, data: JsonValue): JsonValue {
  return evaluateReference(ruleLogic(ruleOf(app, id)), data);
}

describe('the regression tests inside the template rules', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases)('%s: %s', (_id, _name, logic, test) => {
    // the reference evaluator defines the semantics; the compiled one must agree
    for (const evaluate of [(data: JsonValue) => evaluateReference(logic, data), compileRule(logic)]) {
      if (test.error === true) expect(() => evaluate(test.data)).toThrow();
      else expect(evaluate(test.data)).toEqual(test.expect);
    }
  });
});

describe('attainment rebate boundaries', () => {
  const attainments = (id: string) =>
    (ruleOf(app, id).tests ?? []).map((t) => (t.data as { attainment?: number }).attainment);

  it('are each tested on both sides', () => {
    for (const id of ['attainment_rebate_rate', 'attainment_rebate_amount']) {
      expect(attainments(id)).toEqual(expect.arrayContaining([0.7999, 0.8, 0.8999, 0.9, 1, 1.2, 1.2001]));
    }
  });

  it('give the amount rule the rate of the rate table at every tested attainment', () => {
    // the amount rule restates the bands (rules cannot call rules), so the two must agree
    for (const a of [0, 0.5, 0.7999, 0.8, 0.85, 0.8999, 0.9, 0.95, 0.9999, 1, 1.1, 1.2, 1.2001, 1.4, 3]) {
      const rate = evaluate('attainment_rebate_rate', { attainment: a }) as number;
      expect(evaluate('attainment_rebate_amount', { actual: 1_000_000, attainment: a }), `attainment ${a}`).toBe(1_000_000 * rate);
    }
  });
});

describe('partner_eligibility', () => {
  it('is a realistic ~40-node rule for the benchmark', () => {
    const { nodes } = measureRule(ruleLogic(ruleOf(app, 'partner_eligibility')), 32);
    expect(nodes).toBeGreaterThanOrEqual(35);
    expect(nodes).toBeLessThanOrEqual(60);
  });
});
