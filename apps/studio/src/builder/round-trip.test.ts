import { describe, expect, it } from 'vitest';
import { validateDefinition, type EntityDefinition } from '@trellis/definitions';
import { checkFormDefinition, createFormRuntime } from '@trellis/forms';
import { fromDefinition } from './from-definition.js';
import type { BuilderField, BuilderForm, FieldKind } from './model.js';
import { toDefinition } from './to-definition.js';
import template from '../../../../seed/prm/template.json';

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
  group: {
    showWhen: { '>': [{ var: 'f_number' }, 0] },
    children: [
      { key: 'licence', kind: 'file', label: l('Licence'), help: l('A scan'), requiredWhen: { '==': [{ var: 'f_select' }, 'b'] } },
      { key: 'photos', kind: 'file', label: l('Photos'), multiple: true, min: 1, max: 5, required: true },
      { key: 'checked', kind: 'checkbox', label: l('Checked'), default: false, showWhen: { '>': [{ var: 'f_number' }, 1] } },
    ],
  },
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
    const odd = { ...definition, schema: { ...definition.schema, properties: { ...(definition.schema.properties as object), nested: { type: 'array', items: { type: 'array' } } } } } as EntityDefinition;
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

describe('a group of fields and a multi-file upload', () => {
  const documents: BuilderField = {
    key: 'documents', kind: 'group', label: l('Documents'),
    children: [
      { key: 'licence', kind: 'file', label: l('Licence'), requiredWhen: { '==': [{ var: 'kind' }, 'company'] } },
      { key: 'photos', kind: 'file', label: l('Photos'), multiple: true, min: 1, max: 3 },
    ],
  };
  const withGroup: BuilderForm = {
    id: 'application', label: l('Application'), pages: [],
    fields: [{ key: 'kind', kind: 'select', label: l('Kind'), options: [{ value: 'company', label: l('Company') }, { value: 'person', label: l('Person') }] }, documents],
  };
  const definition = toDefinition(withGroup);
  const attachment = { type: 'object', additionalProperties: false, properties: { fileId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' }, fileName: { type: 'string', minLength: 1, maxLength: 200 }, contentType: { type: 'string', maxLength: 100 } }, required: ['fileId', 'fileName'] };

  it('writes the group as a nested object, its fields labelled and ruled by dotted path', () => {
    expect((definition.schema.properties as Record<string, unknown>).documents).toEqual({
      type: 'object', additionalProperties: false,
      properties: { licence: attachment, photos: { type: 'array', items: attachment, minItems: 1, maxItems: 3 } },
    });
    expect(definition.fields?.['documents.licence']).toEqual({ label: l('Licence') });
    expect(definition.fields?.documents).toEqual({ label: l('Documents') });
    expect((definition.ui?.uiSchema as Record<string, unknown>).documents).toEqual({
      'ui:order': ['licence', 'photos'],
      licence: { 'ui:widget': 'file', 'ui:options': { kind: 'file' } },
      photos: { 'ui:widget': 'file', 'ui:options': { kind: 'file', multiple: true } },
    });
    expect(definition.rules?.requiredWhen).toEqual({ 'documents.licence': { '==': [{ var: 'kind' }, 'company'] } });
    const validated = validateDefinition('entity', definition);
    expect(validated.ok ? [] : validated.problems).toEqual([]);
    expect(checkFormDefinition(definition)).toEqual([]);
  });

  it('round-trips', () => {
    expect(fromDefinition(definition)).toEqual({ ok: true, form: withGroup });
  });

  it('gives the runtime the requirement at the child\'s path, and counts the files', () => {
    const runtime = createFormRuntime(definition);
    const now = { now: '2025-01-01T00:00:00Z' };
    expect(runtime.evaluateUi({ kind: 'company' }, now).required).toContain('documents.licence');
    const missing = runtime.process({ kind: 'company', documents: {} }, now);
    expect(missing.ok ? [] : missing.errors.map((e) => e.path)).toContain('documents.licence');
    expect(runtime.process({ kind: 'person', documents: {} }, now).ok).toBe(true);
    const file = { fileId: 'abcdefgh12', fileName: 'a.png' };
    const tooMany = runtime.process({ kind: 'person', documents: { photos: [file, file, file, file] } }, now);
    expect(tooMany.ok ? [] : tooMany.errors.map((e) => e.path)).toEqual(['documents.photos']);
  });

  it('reads a group written by hand: $ref attachments, no tags, a list of files without "multiple"', () => {
    const handWritten = {
      kind: 'entity', formatVersion: 1, id: 'claim', label: l('Claim'),
      schema: {
        type: 'object', additionalProperties: false, $defs: { attachment },
        properties: {
          documents: { type: 'object', additionalProperties: false, properties: { licence: { $ref: '#/$defs/attachment' }, photos: { type: 'array', maxItems: 20, items: { $ref: '#/$defs/attachment' } } } },
          checklist: { type: 'object', additionalProperties: false, properties: { verified: { type: 'boolean' } } },
        },
      },
      fields: { documents: { label: l('Documents') }, 'documents.licence': { label: l('Licence') }, 'documents.photos': { label: l('Photos') }, checklist: { label: l('Checklist') }, 'checklist.verified': { label: l('Verified') } },
      ui: { uiSchema: { documents: { licence: { 'ui:widget': 'file' }, photos: { 'ui:widget': 'file' } } } },
      rules: { defaults: { 'checklist.verified': { value: false } }, visibility: { 'documents.photos': { '==': [{ var: 'checklist.verified' }, true] } } },
    } as unknown as EntityDefinition;
    expect(fromDefinition(handWritten)).toEqual({
      ok: true,
      form: {
        id: 'claim', label: l('Claim'), pages: [],
        fields: [
          { key: 'documents', kind: 'group', label: l('Documents'), children: [
            { key: 'licence', kind: 'file', label: l('Licence') },
            { key: 'photos', kind: 'file', label: l('Photos'), multiple: true, max: 20, showWhen: { '==': [{ var: 'checklist.verified' }, true] } },
          ] },
          { key: 'checklist', kind: 'group', label: l('Checklist'), children: [{ key: 'verified', kind: 'checkbox', label: l('Verified'), default: false }] },
        ],
      },
    });
  });

  it('names a group nested in a group rather than flattening it', () => {
    const nested = structuredClone(definition) as unknown as { schema: { properties: { documents: { properties: Record<string, unknown> } } } };
    nested.schema.properties.documents.properties.inner = { type: 'object', properties: { x: { type: 'string' } } };
    expect(fromDefinition(nested as unknown as EntityDefinition)).toEqual({ ok: false, unsupported: ['documents.inner'] });
  });
});

describe('the app template\'s forms', () => {
  const entities = (template as unknown as { entities: EntityDefinition[] }).entities;

  it.each(entities.map((e) => [e.id, e] as const))('%s reads into the builder and writes back its labels, rules and file options', (_id, entity) => {
    const read = fromDefinition(entity);
    expect(read.ok ? [] : read.unsupported).toEqual([]);
    if (!read.ok) return;
    const written = toDefinition(read.form);
    // placeholders are not the builder's yet: labels and help are
    const texts = (fields: EntityDefinition['fields']) => Object.fromEntries(Object.entries(fields ?? {}).map(([path, { label, help }]) => [path, { label, help }]));
    expect(texts(written.fields)).toEqual(texts(entity.fields));
    expect(written.rules?.visibility).toEqual(entity.rules?.visibility);
    expect(written.rules?.requiredWhen).toEqual(entity.rules?.requiredWhen);
    const fileOptions = (ui: unknown): unknown => JSON.stringify(ui, (k, v: unknown) => (k === 'kind' || k === 'ui:order' ? undefined : v));
    // every `accept` and `multiple` of the template's uploads survives
    for (const match of JSON.stringify(entity.ui?.uiSchema).matchAll(/"(accept|multiple)":("[^"]*"|true)/g)) expect(fileOptions(written.ui?.uiSchema)).toContain(match[0]);
  });
});

describe('a section named like one of its fields', () => {
  const definition = {
    kind: 'entity', formatVersion: 1, id: 'people', label: l('People'),
    schema: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, contacts: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { phone: { type: 'string' } } } } } },
    fields: { name: { label: l('Name') }, contacts: { label: l('Contacts') } },
    ui: { uiSchema: { 'ui:order': ['name', 'contacts'] }, sections: [{ id: 'basics', title: l('Basics'), fields: ['name'] }, { id: 'contacts', title: l('Contacts'), fields: ['contacts'] }] },
  } as unknown as EntityDefinition;

  it('gives the heading a key of its own and keeps the section id', () => {
    const read = fromDefinition(definition);
    if (!read.ok) throw new Error(read.unsupported.join());
    expect(read.form.fields.map((f) => [f.key, f.kind, f.sectionId])).toEqual([
      ['basics', 'heading', undefined], ['name', 'text', undefined], ['contacts_section', 'heading', 'contacts'], ['contacts', 'repeater', undefined],
    ]);
    expect(toDefinition(read.form).ui?.sections).toEqual(definition.ui?.sections);
  });
});
