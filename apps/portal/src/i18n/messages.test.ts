import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, prefix === '' ? k : `${prefix}.${k}`));
}

describe('the portal texts', () => {
  it('exist in both languages with the same keys and placeholders', () => {
    const zh = new Map(leaves(zhCN));
    const english = leaves(en);
    expect([...zh.keys()].sort()).toEqual(english.map(([k]) => k).sort());
    for (const [key, text] of english) {
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(text));
      expect(zh.get(key)?.trim(), key).not.toBe('');
    }
  });
});
