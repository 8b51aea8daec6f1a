import { describe, expect, it } from 'vitest';
import { TrellisError } from '@trellis/errors';
import { classifyConformanceCases, runConformance } from './conformance.js';
import { ruleProblems } from '../errors.js';

describe('conformance harness', () => {
  const cases = classifyConformanceCases();

  it('reports every case an evaluator gets wrong, with what was expected', () => {
    const { failures } = runConformance(() => null, cases);
    const returningNull = cases.filter((c) => c.pristine.kind === 'value' && c.pristine.value === null).length;
    expect(failures).toHaveLength(cases.length - returningNull);
    const divideByZero = failures.find((f) => JSON.stringify(f.rule) === '{"/":[1,0]}');
    expect(divideByZero).toMatchObject({ expected: 'throws RULE_NON_JSON_RESULT', actual: 'returns null' });
  });

  it('does not accept NaN for null, nor a wrong error code', () => {
    const nullCase = cases.filter((c) => c.pristine.kind === 'value' && c.pristine.value === null);
    expect(runConformance(() => Number.NaN, nullCase).failures).toHaveLength(nullCase.length);
    const unknown = cases.filter((c) => c.pristine.kind === 'unknown-operator');
    const wrongCode = () => { throw new TrellisError([ruleProblems.evaluationFailed('x')]); };
    expect(runConformance(wrongCode, unknown).failures).toHaveLength(unknown.length);
    expect(runConformance(() => { throw new Error('plain'); }, unknown).failures[0]?.actual).toMatch(/non-Trellis/);
  });
});
