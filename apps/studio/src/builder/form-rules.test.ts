import { describe, expect, it } from 'vitest';
import { validateDefinition, type EntityDefinition } from '@trellis/definitions';
import { checkFormDefinition, createFormRuntime } from '@trellis/forms';
import template from '../../../../seed/prm/template.json';
import { updateField } from './edit.js';
import { fromDefinition } from './from-definition.js';
import type { BuilderForm } from './model.js';
import { toDefinition } from './to-definition.js';

const l = (en: string, zh = `${en}（中）`) => ({ 'zh-CN': zh, en });

/** A form using every form-level setting (checks, a formula default, a title field, drafts), reference codes and whole numbers. */
const form: BuilderForm = {
  id: 'request',
  label: l('Request'),
  pages: [],
  titleField: 'requestNo',
  draftWhen: { '==': [{ var: 'status' }, 'draft'] },
  checks: [
    { id: 'end_after_start', path: 'endsOn', rule: { or: [{ '!': { var: 'endsOn' } }, { '!': { date_before: [{ var: 'endsOn' }, { var: 'startsOn' }] } }] }, message: l('The end cannot be before the start.', '结束日期不能早于开始日期。') },
    { id: 'within_budget', path: 'amount', rule: { '<=': [{ var: 'amount' }, { var: 'budget' }] }, message: l('The amount cannot exceed the budget.', '金额不得超过预算。') },
  ],
  fields: [
    { key: 'requestNo', kind: 'text', label: l('Request no.'), required: true, pattern: { prefix: 'RQ', digits: 8 } },
    { key: 'period', kind: 'text', label: l('Period'), pattern: 'quarter' },
    { key: 'status', kind: 'select', label: l('Status'), options: [{ value: 'draft', label: l('Draft') }, { value: 'sent', label: l('Sent') }], default: 'draft' },
    { key: 'appliedOn', kind: 'date', label: l('Applied on'), defaultRule: { var: '$today' } },
    { key: 'startsOn', kind: 'date', label: l('Starts on') },
    { key: 'endsOn', kind: 'date', label: l('Ends on') },
    { key: 'budget', kind: 'money', label: l('Budget') },
    { key: 'amount', kind: 'money', label: l('Amount'), required: true },
    { key: 'visitors', kind: 'number', label: l('Visitors'), placeholder: l('How many?'), integer: true, min: 0, minExclusive: true },
  ],
};
const context = { now: '2025-03-14T09:00:00Z' };

describe('form-level rules in the builder', () => {
  const definition = toDefinition(form);

  it('writes checks, formula defaults, reference codes, the title field and drafts into the definition', () => {
    expect(definition.titleField).toBe('requestNo');
    expect(definition.drafts).toEqual({ when: { '==': [{ var: 'status' }, 'draft'] } });
    expect(definition.rules?.defaults).toEqual({ status: { value: 'draft' }, appliedOn: { rule: { var: '$today' } } });
    expect(definition.rules?.validations?.map((v) => [v.id, v.path])).toEqual([['end_after_start', 'endsOn'], ['within_budget', 'amount']]);
    const props = definition.schema.properties as Record<string, { pattern?: string }>;
    expect(props.requestNo?.pattern).toBe('^RQ[0-9]{8}$');
    expect(props.period?.pattern).toBe('^[0-9]{4}-Q[1-4]$');
    expect(props.visitors).toEqual({ type: 'integer', exclusiveMinimum: 0 });
    expect(definition.fields?.visitors?.placeholder).toEqual(l('How many?'));
    const validated = validateDefinition('entity', definition);
    expect(validated.ok ? [] : validated.problems).toEqual([]);
    expect(checkFormDefinition(definition)).toEqual([]);
  });

  it('round-trips', () => {
    const read = fromDefinition(definition);
    expect(read).toEqual({ ok: true, form });
    if (read.ok) expect(toDefinition(read.form)).toEqual(definition);
  });

  it('gives the runtime the default of the day and the check messages in both languages', () => {
    const runtime = createFormRuntime(definition);
    const sent = runtime.process({ requestNo: 'RQ00000001', status: 'sent', budget: 100, amount: 150 }, context);
    expect(sent.ok ? [] : sent.errors.map((e) => [e.path, e.message])).toEqual([
      ['amount', { 'zh-CN': '金额不得超过预算。', en: 'The amount cannot exceed the budget.' }],
    ]);
    const ok = runtime.process({ requestNo: 'RQ00000001', status: 'sent', budget: 100, amount: 50 }, context);
    expect(ok.ok && ok.record.appliedOn).toBe('2025-03-14');
    const wrongCode = runtime.process({ requestNo: 'RQ123', status: 'sent', budget: 100, amount: 50 }, context);
    expect(wrongCode.ok ? [] : wrongCode.errors.map((e) => e.path)).toEqual(['requestNo']);
  });

  it('keeps a draft with its checks waiting', () => {
    const draft = createFormRuntime(definition).process({ status: 'draft', budget: 100, amount: 150 }, context);
    expect(draft.ok).toBe(true);
  });

  it('renames a field in the checks, the draft condition and the title field', () => {
    const renamed = updateField(updateField(form, 'amount', { ...form.fields[7]!, key: 'sum' }), 'status', { ...form.fields[2]!, key: 'state' });
    expect(renamed.checks?.[1]).toMatchObject({ path: 'sum', rule: { '<=': [{ var: 'sum' }, { var: 'budget' }] } });
    expect(renamed.draftWhen).toEqual({ '==': [{ var: 'state' }, 'draft'] });
    const titled = updateField(form, 'requestNo', { ...form.fields[0]!, key: 'number' });
    expect(titled.titleField).toBe('number');
  });
});

describe('the seed template in the builder', () => {
  const entities = (template as unknown as { entities: EntityDefinition[] }).entities;

  it.each(entities.map((e) => [e.id, e] as const))('%s: reads, and keeps its rules, texts, sections, title field, drafts and formats', (_id, entity) => {
    const read = fromDefinition(entity);
    expect(read.ok ? [] : read.unsupported).toEqual([]);
    if (!read.ok) return;
    const back = toDefinition(read.form);
    expect(back.rules).toEqual(entity.rules);
    expect(back.titleField).toBe(entity.titleField);
    expect(back.drafts).toEqual(entity.drafts);
    expect(back.fields).toEqual(entity.fields);
    expect(back.ui?.sections).toEqual(entity.ui?.sections);
    expect(back.ui?.pages).toEqual(entity.ui?.pages);
    const validated = validateDefinition('entity', back);
    expect(validated.ok ? [] : validated.problems).toEqual([]);
    // shared schemas ($defs) are written out in place: the same patterns, maybe more often
    const patterns = (d: EntityDefinition) => [...new Set(JSON.stringify(d).match(/"pattern":"[^"]*"/g))].sort();
    expect(patterns(back)).toEqual(patterns(entity));
  });
});
