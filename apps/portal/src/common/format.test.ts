import { describe, expect, it } from 'vitest';
import { formats } from './format.js';

describe('locale formats', () => {
  it('writes calendar dates, numbers and money for zh-CN and en', () => {
    const zh = formats('zh-CN');
    const en = formats('en');
    expect(zh.date('2026-03-01')).toBe('2026年3月1日');
    expect(en.date('2026-03-01')).toBe('March 1, 2026');
    expect(zh.money(1234567.5)).toBe('¥1,234,567.50');
    expect(en.money(1234567.5)).toBe('CN¥1,234,567.50');
    expect(en.number(0.125, 2)).toBe('0.13');
    expect(zh.percent(0.035)).toBe('3.5%');
  });

  it('leaves what is not a date as it is', () => {
    expect(formats('en').date('soon')).toBe('soon');
  });
});
