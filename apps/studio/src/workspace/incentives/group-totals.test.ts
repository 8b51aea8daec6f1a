import { describe, expect, it } from 'vitest';
import { groupTotals } from './group-totals.js';
import { isFinished, nextStep, type RunResult } from './types.js';

const result = (subject: string, amount: string): RunResult => ({ program: 'p', subject, eligible: true, amount, currency: 'CNY' });

describe('group totals', () => {
  it('sum amounts and count subjects per group, the ungrouped apart', () => {
    const groups = new Map([['a', 'east'], ['b', 'east'], ['c', 'south']]);
    expect(groupTotals([result('a', '100.10'), result('b', '0.20'), result('c', '5'), result('d', '1')], groups, '?')).toEqual([
      { group: '?', total: 1, count: 1 },
      { group: 'east', total: 100.3, count: 2 },
      { group: 'south', total: 5, count: 1 },
    ]);
  });
});

describe('run steps', () => {
  it('go submit, approve, finalize; a running run is not finished', () => {
    expect(['computed', 'submitted', 'approved', 'final'].map((s) => nextStep(s as never))).toEqual(['submit', 'approve', 'finalize', null]);
    expect(isFinished('running')).toBe(false);
    expect(isFinished('computed')).toBe(true);
  });
});
