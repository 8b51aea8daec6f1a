import { describe, expect, it } from 'vitest';
import { evaluateReference } from './reference.js';
import { checkPristineAgreement, classifyConformanceCases, runConformance } from './testing/conformance.js';

describe('reference evaluator on the JSON Logic community suites', () => {
  const cases = classifyConformanceCases();

  it('classifies the 1,138 cases as json-logic-js 2.0.5 sees them', () => {
    const report = runConformance(evaluateReference, cases);
    expect(cases).toHaveLength(1138);
    expect(report.counts).toMatchObject({ known: 954, unknown: 184, nonJson: 54 });
  });

  it('returns exactly what json-logic-js returns, and fails cleanly where it cannot', () => {
    expect(runConformance(evaluateReference, cases).failures).toEqual([]);
  });

  it('agrees with the suites where json-logic-js is listed as agreeing', () => {
    const agreement = checkPristineAgreement(cases);
    expect(agreement.listed).toBe(816);
    expect(agreement.disagreeing).toEqual([]);
  });
});
