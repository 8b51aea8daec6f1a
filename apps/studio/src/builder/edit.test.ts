import { describe, expect, it } from 'vitest';
import { insertChild, insertField, moveChild, moveField, newField, removeField, updateField } from './edit.js';
import { historyReducer, startHistory } from './history.js';
import { emptyForm, fieldAt, type BuilderForm } from './model.js';

const base = emptyForm('f', { 'zh-CN': '表', en: 'Form' });
const withFields = (...kinds: Parameters<typeof newField>[1][]): BuilderForm =>
  kinds.reduce((form, kind) => insertField(form, newField(form, kind)), base);

describe('builder edits', () => {
  it('give new fields fresh keys and sample options', () => {
    const form = withFields('text', 'text', 'select');
    expect(form.fields.map((f) => f.key)).toEqual(['text', 'text2', 'select']);
    expect(form.fields[2]?.options).toHaveLength(2);
  });

  it('move fields and clamp positions', () => {
    const form = withFields('text', 'number', 'date');
    expect(moveField(form, 0, 2).fields.map((f) => f.key)).toEqual(['number', 'date', 'text']);
    expect(moveField(form, 2, -5).fields.map((f) => f.key)).toEqual(['date', 'text', 'number']);
    expect(insertField(form, newField(form, 'email'), 1).fields.map((f) => f.key)).toEqual(['text', 'email', 'number', 'date']);
  });

  it('let a heading standing for a section id take an id of its own', () => {
    const form: BuilderForm = { ...emptyForm('f', { 'zh-CN': '表', en: 'Form' }), fields: [{ key: 'contacts_section', sectionId: 'contacts', kind: 'heading', label: { 'zh-CN': '联系人', en: 'Contacts' } }] };
    const relabelled = updateField(form, 'contacts_section', { ...form.fields[0]!, label: { 'zh-CN': '联络人', en: 'People' } });
    expect(relabelled.fields[0]).toMatchObject({ key: 'contacts_section', sectionId: 'contacts' });
    const renamed = updateField(form, 'contacts_section', { ...form.fields[0]!, key: 'people' });
    expect(renamed.fields[0]).toEqual({ key: 'people', kind: 'heading', label: { 'zh-CN': '联系人', en: 'Contacts' } });
  });

  it('remove a field with the checks shown at it and the title field it was', () => {
    const form: BuilderForm = {
      ...withFields('number', 'text'),
      titleField: 'text',
      checks: [
        { id: 'c1', path: 'text', rule: { '!!': { var: 'text' } }, message: { 'zh-CN': '必填', en: 'Needed' } },
        { id: 'c2', path: 'number', rule: { '>': [{ var: 'number' }, 0] }, message: { 'zh-CN': '大于零', en: 'Above zero' } },
      ],
    };
    const removed = removeField(form, 'text');
    expect(removed.checks?.map((c) => c.id)).toEqual(['c2']);
    expect(removed.titleField).toBeUndefined();
    expect(removeField(form, 'number')).toMatchObject({ titleField: 'text', checks: [{ id: 'c1' }] });
  });

  it('rename a key in the other fields rules', () => {
    let form = withFields('number', 'text');
    form = updateField(form, 'text', { ...form.fields[1]!, showWhen: { '>': [{ var: 'number' }, 1] } });
    form = updateField(form, 'number', { ...form.fields[0]!, key: 'amount' });
    expect(form.fields[1]?.showWhen).toEqual({ '>': [{ var: 'amount' }, 1] });
    expect(removeField(form, 'amount').fields.map((f) => f.key)).toEqual(['text']);
  });

  it('edit a group\'s fields by path: add, move, rename (in every rule), remove', () => {
    let form = withFields('group', 'text');
    form = insertChild(form, 'group', newField(form.fields[0]?.children ?? [], 'file'));
    expect(form.fields[0]?.children?.map((c) => c.key)).toEqual(['item', 'file']);
    form = moveChild(form, 'group', 1, 0);
    expect(form.fields[0]?.children?.map((c) => c.key)).toEqual(['file', 'item']);
    form = updateField(form, 'text', { ...form.fields[1]!, showWhen: { and: [{ '!!': { var: 'group.file' } }, { '!!': { var: 'group.item' } }] } });
    form = updateField(form, 'group.item', { ...fieldAt(form, 'group.item')!, requiredWhen: { '!!': { var: 'group.file' } } });
    form = updateField(form, 'group.file', { ...fieldAt(form, 'group.file')!, key: 'licence' });
    expect(fieldAt(form, 'group.item')?.requiredWhen).toEqual({ '!!': { var: 'group.licence' } });
    form = updateField(form, 'group', { ...form.fields[0]!, key: 'documents' });
    expect(form.fields[1]?.showWhen).toEqual({ and: [{ '!!': { var: 'documents.licence' } }, { '!!': { var: 'documents.item' } }] });
    expect(fieldAt(form, 'documents.item')?.requiredWhen).toEqual({ '!!': { var: 'documents.licence' } });
    expect(removeField(form, 'documents.item').fields[0]?.children?.map((c) => c.key)).toEqual(['licence']);
  });
});

describe('undo history', () => {
  it('undoes and redoes, and types into one property as one step', () => {
    const one = withFields('text');
    let h = historyReducer(startHistory(base), { type: 'edit', form: one });
    const typed = ['L', 'La', 'Lab'].map((en) => updateField(one, 'text', { ...one.fields[0]!, label: { 'zh-CN': '', en } }));
    for (const form of typed) h = historyReducer(h, { type: 'edit', form, coalesce: 'text.label.en' });
    expect(h.past).toHaveLength(2);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(one);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(base);
    h = historyReducer(historyReducer(h, { type: 'redo' }), { type: 'redo' });
    expect(h.present.fields[0]?.label.en).toBe('Lab');
    expect(historyReducer(h, { type: 'redo' })).toBe(h);
  });
});
