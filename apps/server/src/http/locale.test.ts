import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale.js';

describe('negotiateLocale', () => {
  it('answers zh-CN for any Chinese tag and en otherwise', () => {
    expect(negotiateLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('zh-TW')).toBe('zh-CN');
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr-FR')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
  });

  it('follows the weights between zh and en, ignoring q=0', () => {
    expect(negotiateLocale('en;q=0.5, zh;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('fr, en;q=0.9, zh;q=0.3')).toBe('en');
    expect(negotiateLocale('zh;q=0, en;q=0.1')).toBe('en');
  });
});
