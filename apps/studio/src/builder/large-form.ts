/**
 * A form of `count` fields of the common kinds, every tenth shown only when a checkbox is ticked
 * and some computed: what the keystroke benchmark (bench/studio.bench.ts) opens in the builder.
 */
import type { BuilderField, BuilderForm, FieldKind } from './model.js';

const KINDS: readonly FieldKind[] = ['text', 'number', 'money', 'date', 'select', 'checkbox', 'longText', 'email'];

export function largeForm(id: string, count: number): BuilderForm {
  const fields: BuilderField[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length] ?? 'text';
    const key = `f${i}`;
    const field: BuilderField = {
      key, kind,
      label: { 'zh-CN': `字段 ${i}`, en: `Field ${i}` },
      ...(kind === 'select' ? { options: [{ value: 'a', label: { 'zh-CN': '甲', en: 'A' } }, { value: 'b', label: { 'zh-CN': '乙', en: 'B' } }] } : {}),
    };
    const checkbox = `f${i - (i % KINDS.length) + 5}`;
    if (i % 10 === 9 && i > KINDS.length) fields.push({ ...field, showWhen: { '==': [{ var: checkbox }, true] } });
    else if (kind === 'money' && i >= KINDS.length) fields.push({ ...field, computedAs: { '*': [{ var: `f${i - 1}` }, 2] } });
    else fields.push(field);
  }
  return { id, label: { 'zh-CN': `大表单（${count} 个字段）`, en: `Large form (${count} fields)` }, fields, pages: [] };
}
