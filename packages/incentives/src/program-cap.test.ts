import { describe, expect, it } from 'vitest';
import { evaluateProgram } from './evaluate.js';
import { applyProgramCap, createProgramCapScaler, programCapTotal } from './program-cap.js';
import { tieredProgram } from './testing/fixtures.js';
import type { ProgramResult } from './types.js';

const flat = tieredProgram({ derived: [], lines: [{ id: 'flat', label: { en: 'Flat', 'zh-CN': '固定' }, amount: { var: 'revenue' } }] });
const resultFor = (code: string, amount: number | string): ProgramResult =>
  evaluateProgram(flat, { subject: { code, status: 'open' }, metrics: { revenue: String(amount), quota: 1 }, period: '2026-Q1' });

describe('applyProgramCap', () => {
  it('scales every subject by cap ÷ total when the total is over the cap', () => {
    const capped = applyProgramCap([resultFor('A', 100), resultFor('B', 200), resultFor('C', 300)], 300, 2);
    expect(capped.map((r) => r.total)).toEqual(['50.00', '100.00', '150.00']);
    expect(capped[1]?.explanation.caps).toEqual([{
      kind: 'perProgram', cap: '300.00', before: '600.00', subjectBefore: '200.00', subjectAfter: '100.00', method: 'proportional_cumulative',
    }]);
    expect(capped[1]?.lines[0]?.explanation.capped).toEqual([{ kind: 'perProgram', amount: '100.00' }]);
  });

  it('apportions the remainder so the results add up to the cap exactly', () => {
    const capped = applyProgramCap([resultFor('A', 1), resultFor('B', 1), resultFor('C', 1)], 2, 2);
    // 2/3 each: running totals 0.66, 1.33, 2.00
    expect(capped.map((r) => r.total)).toEqual(['0.66', '0.67', '0.67']);
    expect(programCapTotal(capped)).toBe('2');
  });

  it('changes nothing at or under the cap, and leaves its input alone', () => {
    const results = [resultFor('A', 100), resultFor('B', 200)];
    expect(applyProgramCap(results, 300, 2)).toEqual(results);
    applyProgramCap(results, 30, 2);
    expect(results.map((r) => r.total)).toEqual(['100.00', '200.00']);
  });

  it('works on a stream: total first, then one result at a time, same answer as in memory', () => {
    const results = ['10.01', '20.02', '30.03', '0', '44.44'].map((a, i) => resultFor(`S${i}`, a));
    const scaler = createProgramCapScaler(programCapTotal(results), '55.55', 2);
    expect(scaler.applies).toBe(true);
    const streamed = results.map((r) => scaler.scale(r));
    expect(streamed).toEqual(applyProgramCap(results, '55.55', 2));
    expect(programCapTotal(streamed)).toBe('55.55');
  });
});
