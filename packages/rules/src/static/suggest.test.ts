import { describe, expect, it } from 'vitest';
import { suggestName } from './suggest.js';

describe('suggestName', () => {
  const known = ['attainment', 'target', 'actual', 'id', 'region'];

  it('suggests the closest known name within a typo\'s distance, ignoring case', () => {
    expect(suggestName('atainment', known)).toBe('attainment');
    expect(suggestName('tagret', known)).toBe('target');
    expect(suggestName('ACTUAL', known)).toBe('actual');
    expect(suggestName('ip', known)).toBe('id');
  });

  it('suggests nothing for unrelated names or when nothing is known', () => {
    expect(suggestName('revenue', known)).toBeNull();
    expect(suggestName('xyz', known)).toBeNull();
    expect(suggestName('attainment', [])).toBeNull();
  });
});
