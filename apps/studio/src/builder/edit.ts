/** Edits of the builder's form, as pure functions: the screen keeps each result in its undo history. */
import type { LocalizedText } from '@trellis/errors';
import { freshKey, hasOptions, type BuilderField, type BuilderForm, type FieldKind } from './model.js';
import { renameInForm, renameInRules } from './rename.js';

const KIND_LABELS: Record<FieldKind, LocalizedText> = {
  text: { 'zh-CN': '单行文本', en: 'Text' },
  longText: { 'zh-CN': '多行文本', en: 'Long text' },
  number: { 'zh-CN': '数字', en: 'Number' },
  money: { 'zh-CN': '金额', en: 'Money' },
  percent: { 'zh-CN': '百分比', en: 'Percentage' },
  date: { 'zh-CN': '日期', en: 'Date' },
  dateRange: { 'zh-CN': '日期范围', en: 'Date range' },
  select: { 'zh-CN': '下拉单选', en: 'Single select' },
  multiSelect: { 'zh-CN': '多选', en: 'Multi select' },
  checkbox: { 'zh-CN': '勾选框', en: 'Checkbox' },
  radio: { 'zh-CN': '单选按钮', en: 'Radio buttons' },
  file: { 'zh-CN': '文件上传', en: 'File upload' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  email: { 'zh-CN': '邮箱', en: 'Email' },
  address: { 'zh-CN': '地址（省/市/区）', en: 'Address (province/city/district)' },
  heading: { 'zh-CN': '分节标题', en: 'Section heading' },
  repeater: { 'zh-CN': '明细表（多行）', en: 'Repeater (rows)' },
  group: { 'zh-CN': '字段组', en: 'Field group' },
};

/** The name of a field kind, as the palette shows it. */
export const kindLabel = (kind: FieldKind): LocalizedText => KIND_LABELS[kind];

const SAMPLE_OPTIONS = [
  { value: 'option1', label: { 'zh-CN': '选项 1', en: 'Option 1' } },
  { value: 'option2', label: { 'zh-CN': '选项 2', en: 'Option 2' } },
];

/** A new field of `kind` with a fresh key (among `form`'s fields, or a group's), ready to be placed. */
export function newField(form: BuilderForm | readonly BuilderField[], kind: FieldKind): BuilderField {
  const key = freshKey(form, kind === 'heading' ? 'section' : kind);
  const field: BuilderField = { key, kind, label: KIND_LABELS[kind] };
  if (hasOptions(kind)) return { ...field, options: SAMPLE_OPTIONS };
  if (kind === 'repeater') return { ...field, columns: [{ key: 'item', kind: 'text', label: { 'zh-CN': '项目', en: 'Item' } }] };
  if (kind === 'group') return { ...field, children: [{ key: 'item', kind: 'text', label: { 'zh-CN': '项目', en: 'Item' } }] };
  return field;
}

export function insertField(form: BuilderForm, field: BuilderField, index = form.fields.length): BuilderForm {
  const at = Math.max(0, Math.min(index, form.fields.length));
  return { ...form, fields: [...form.fields.slice(0, at), field, ...form.fields.slice(at)] };
}

export function moveField(form: BuilderForm, from: number, to: number): BuilderForm {
  if (from === to || from < 0 || from >= form.fields.length) return form;
  const fields = [...form.fields];
  const [moved] = fields.splice(from, 1);
  if (moved === undefined) return form;
  fields.splice(Math.max(0, Math.min(to, fields.length)), 0, moved);
  return { ...form, fields };
}

/** The fields of the group `key` changed by `change`; other fields as they are. */
function inGroup(form: BuilderForm, key: string, change: (children: readonly BuilderField[]) => readonly BuilderField[]): BuilderForm {
  return { ...form, fields: form.fields.map((f) => (f.key === key ? { ...f, children: change(f.children ?? []) } : f)) };
}

/** Replaces the field at `path` (`key` or `group.child`); renaming it also renames it in every field's rules. */
export function updateField(form: BuilderForm, path: string, edited: BuilderField): BuilderForm {
  const [key = '', child] = path.split('.');
  const renamed = edited.key !== (child ?? key);
  // a heading given an id of its own no longer stands for the section id its key could not be
  const next = renamed && edited.sectionId !== undefined ? withoutSectionId(edited) : edited;
  const replaced = child === undefined
    ? { ...form, fields: form.fields.map((f) => (f.key === key ? next : f)) }
    : inGroup(form, key, (children) => children.map((c) => (c.key === child ? next : c)));
  if (!renamed) return replaced;
  const to = child === undefined ? next.key : `${key}.${next.key}`;
  return renameInForm({ ...replaced, fields: replaced.fields.map((f) => renameInRules(f, path, to)) }, path, to);
}

function withoutSectionId({ sectionId: _dropped, ...field }: BuilderField): BuilderField {
  return field;
}

/** Adds `field` to the group `key`, at `index` (the end by default). */
export function insertChild(form: BuilderForm, key: string, field: BuilderField, index?: number): BuilderForm {
  return inGroup(form, key, (children) => insertField({ ...form, fields: children }, field, index).fields);
}

export function moveChild(form: BuilderForm, key: string, from: number, to: number): BuilderForm {
  return inGroup(form, key, (children) => moveField({ ...form, fields: children }, from, to).fields);
}

/**
 * Removes the field at `path` (`key` or `group.child`), and what is shown at it: the checks whose
 * message sits at the field, the title field.
 */
export function removeField(form: BuilderForm, path: string): BuilderForm {
  const [key, child] = path.split('.');
  const removed = child !== undefined
    ? inGroup(form, key ?? '', (children) => children.filter((c) => c.key !== child))
    : { ...form, fields: form.fields.filter((f) => f.key !== key) };
  const gone = (p: string) => p === path || p.startsWith(`${path}.`);
  const { checks, titleField, ...rest } = removed;
  return {
    ...rest,
    ...(checks === undefined ? {} : { checks: checks.filter((c) => !gone(c.path)) }),
    ...(titleField === undefined || gone(titleField) ? {} : { titleField }),
  };
}

/** Removes the optional properties whose value is `undefined`, so edits never leave empty keys behind. */
export function compact(field: BuilderField): BuilderField {
  return Object.fromEntries(Object.entries(field).filter(([, v]) => v !== undefined)) as unknown as BuilderField;
}
