import { describe, expect, it } from 'vitest';
import { evaluateCompiled } from './compile.js';
import { classifyConformanceCases, runConformance } from '../testing/conformance.js';

describe('compiled evaluator on the JSON Logic community suites', () => {
  const cases = classifyConformanceCases();
  const report = runConformance(evaluateCompiled, cases);

  it('sees the same 954 known, 184 unknown-operator and 54 non-JSON cases as the reference', () => {
    expect(cases).toHaveLength(1138);
    expect(report.counts).toMatchObject({ known: 954, unknown: 184, nonJson: 54 });
  });

  it('returns exactly what json-logic-js returns, and fails cleanly where it cannot', () => {
    expect(report.failures).toEqual([]);
  });
});
