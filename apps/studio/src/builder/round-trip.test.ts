import { describe, expect, it } from 'vitest';
import { validateDefinition, type EntityDefinition } from '@trellis/definitions';
import { checkFormDefinition, createFormRuntime } from '@trellis/forms';
import { fromDefinition } from './from-definition.js';
import type { BuilderField, BuilderForm, FieldKind } from './model.js';
import { toDefinition } from './to-definition.js';

const l = (en: string, zh = `${en}（中）`) => ({ 'zh-CN': zh, en });
const options = [{ value: 'a', label: l('Alpha') }, { value: 'b', label: l('Beta') }];

const EVERY_KIND: Record<FieldKind, Partial<BuilderField>> = {
  heading: {},
  text: { required: true, minLength: 2, maxLength: 50, pattern: 'code', help: l('Letters only') },
  longText: { maxLength: 2000 },
  number: { min: 0, max: 10, default: 3 },
  money: { min: 0 },
  percent: { max: 1 },
  date: {},
  dateRange: {},
  select: { options, default: 'a' },
  multiSelect: { options },
  checkbox: {},
  radio: { options },
  file: {},
  phone: {},
  email: {},
  address: {},
  repeater: { min: 1, max: 5, columns: [{ key: 'name', kind: 'text', label: l('Name'), required: true }, { key: 'qty', kind: 'number', label: l('Quantity') }] },
};

const form: BuilderForm = {
  id: 'order',
  label: l('Order'),
  pages: [{ id: 'first', title: l('First') }, { id: 'second', title: l('Second') }],
  fields: [
    ...Object.entries(EVERY_KIND).map(([kind, extra]) => ({ key: `f_${kind}`, kind: kind as FieldKind, label: l(kind), ...extra })),
    { key: 'discount', kind: 'number', label: l('Discount'), page: 'second', showWhen: { '>': [{ var: 'f_number' }, 5] }, requiredWhen: { '==': [{ var: 'f_select' }, 'b'] } },
    { key: 'total', kind: 'money', label: l('Total'), page: 'second', computedAs: { '*': [{ var: 'f_number' }, 2] } },
  ],
};

describe('the form builder model', () => {
  const definition = toDefinition(form);

  it('makes a definition the server accepts', () => {
    const validated = validateDefinition('entity', definition);
    expect(validated.ok ? [] : validated.problems).toEqual([]);
    expect(checkFormDefinition(definition)).toEqual([]);
  });

  it('round-trips: the form read back from its definition is the same form', () => {
    const read = fromDefinition(definition);
    expect(read).toEqual({ ok: true, form });
    if (read.ok) expect(toDefinition(read.form)).toEqual(definition);
  });

  it('gives the runtime conditional requirement and computed values', () => {
    const runtime = createFormRuntime(definition);
    const ui = runtime.evaluateUi({ f_number: 7, f_select: 'b' }, { now: '2025-01-01T00:00:00Z' });
    expect(ui.required).toContain('discount');
    expect(ui.computed.total).toBe(14);
    expect(ui.hidden).not.toContain('discount');
    expect(runtime.evaluateUi({ f_number: 1 }, { now: '2025-01-01T00:00:00Z' }).hidden).toContain('discount');
  });

  it('names what it cannot show rather than dropping it', () => {
    const odd = { ...definition, schema: { ...definition.schema, properties: { ...(definition.schema.properties as object), nested: { type: 'object', properties: { x: { type: 'string' } } } } } } as EntityDefinition;
    expect(fromDefinition(odd)).toEqual({ ok: false, unsupported: ['nested'] });
  });
});

describe('options from another entity', () => {
  const from = { entity: 'customer', labelField: 'name' };
  const withRecords: BuilderForm = {
    id: 'visit', label: l('Visit'), pages: [],
    fields: [
      { key: 'customer', kind: 'select', label: l('Customer'), required: true, optionsFrom: from },
      { key: 'others', kind: 'multiSelect', label: l('Others'), optionsFrom: from },
    ],
  };
  const definition = toDefinition(withRecords);

  it('stores record ids: plain strings, the source named in ui:options', () => {
    expect(definition.schema.properties).toEqual({
      customer: { type: 'string' },
      others: { type: 'array', uniqueItems: true, items: { type: 'string' } },
    });
    expect((definition.ui?.uiSchema as Record<string, unknown>).customer).toEqual({ 'ui:options': { kind: 'select', optionsFrom: from } });
    const validated = validateDefinition('entity', definition);
    expect(validated.ok ? [] : validated.problems).toEqual([]);
  });

  it('round-trips', () => {
    expect(fromDefinition(definition)).toEqual({ ok: true, form: withRecords });
  });
});
