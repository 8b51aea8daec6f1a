import { describe, expect, it } from 'vitest';
import type { Field } from '@trellis/conditions';
import { applyCompletion, completeAt } from './complete.js';

const fields: Field[] = [
  { path: 'registeredCapital', type: 'number', label: { 'zh-CN': '注册资本', en: 'Registered capital' } },
  { path: 'region', type: 'enum', label: { 'zh-CN': '销售区域', en: 'Sales region' }, options: ['east'] },
  { path: 'address.city', type: 'string', label: { 'zh-CN': '城市', en: 'City' } },
  { path: 'capitalNote', type: 'string', label: { 'zh-CN': '资本说明', en: 'Note on capital' } },
];
const codes = (text: string, caret = text.length) => completeAt(text, caret, fields)?.items.map((i) => i.code) ?? [];

describe('field completion', () => {
  it('offers fields whose label in either language or path matches what is typed, best first', () => {
    expect(codes('round(注册')).toEqual(['registeredCapital']);
    expect(codes('1 + capi')).toEqual(['capitalNote', 'registeredCapital']);
    expect(codes('reg')).toEqual(['registeredCapital', 'region']);
    expect(codes('city')).toEqual(['address.city']);
    expect(codes('address.c')).toEqual(['address.city']);
  });

  it('offers functions after fields, and nothing inside texts in quotes or numbers', () => {
    expect(codes('ro')).toEqual(['round(x, places?, mode?)']);
    expect(codes('tod')).toEqual(['today()']);
    // of an operator's several JSON forms, the first is the function's signature
    expect(codes('missing')).toEqual(['missing(path, …)', 'missing_some(need, [path, …])']);
    expect(codes('cat & "reg')).toEqual([]);
    expect(codes('1.5')).toEqual([]);
    expect(codes('a + ')).toEqual([]);
  });

  it('replaces the whole word with the path, and puts the caret inside a function\'s parentheses', () => {
    const text = 'round(注册 * 0.1, 2)';
    const found = completeAt(text, 8, fields);
    if (found === null) throw new Error('no completions');
    expect(applyCompletion(text, found, found.items[0]!)).toEqual({ text: 'round(registeredCapital * 0.1, 2)', caret: 23 });
    const fn = completeAt('ro', 2, fields);
    if (fn === null) throw new Error('no completions');
    expect(applyCompletion('ro', fn, fn.items[0]!)).toEqual({ text: 'round()', caret: 6 });
    const today = completeAt('tod', 3, fields);
    if (today === null) throw new Error('no completions');
    expect(applyCompletion('tod', today, today.items[0]!)).toEqual({ text: 'today()', caret: 7 });
  });
});
