import { describe, expect, it } from 'vitest';
import { formatTime } from './format-time.js';

describe('timestamps', () => {
  it('read in the admin language', () => {
    expect(formatTime('2026-12-03T14:00:59Z', 'en', 'UTC')).toBe('Dec 3, 2026, 2:00 PM');
    expect(formatTime('2026-12-03T14:00:59Z', 'zh-CN', 'UTC')).toBe('2026年12月3日 14:00');
  });

  it('leave what is not a time as it is', () => {
    expect(formatTime('soon', 'en')).toBe('soon');
  });
});
