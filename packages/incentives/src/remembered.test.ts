import { describe, expect, it } from 'vitest';
import { periodDays, periodRange } from './periods.js';
import { remembered } from './remembered.js';

describe('remembered', () => {
  it('computes once per argument, keeps the last `max`, and remembers nothing for an argument that throws', () => {
    const calls: string[] = [];
    const length = remembered((text) => {
      calls.push(text);
      if (text === 'bad') throw new Error('bad');
      return text.length;
    }, 2);
    expect([length('a'), length('bb'), length('a')]).toEqual([1, 2, 1]);
    expect(calls).toEqual(['a', 'bb']);
    length('ccc'); // evicts the least recently used, 'bb'
    length('bb');
    expect(calls).toEqual(['a', 'bb', 'ccc', 'bb']);
    expect(() => length('bad')).toThrow('bad');
    expect(() => length('bad')).toThrow('bad');
    expect(calls.filter((c) => c === 'bad')).toHaveLength(2);
  });

  it('shares period answers that cannot be changed, and still names the path of a bad period id', () => {
    expect(periodRange('2026-Q2')).toBe(periodRange('2026-Q2'));
    expect(Object.isFrozen(periodRange('2026-Q2'))).toBe(true);
    expect(Object.isFrozen(periodDays('2026-Q2', 'period'))).toBe(true);
    expect(() => periodDays('2026-Q5', 'metrics.0.time.field')).toThrow(expect.objectContaining({
      problems: [expect.objectContaining({ code: 'INCENTIVE_BAD_PERIOD_ID', path: 'metrics.0.time.field' })],
    }));
  });
});
