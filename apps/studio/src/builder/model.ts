/**
 * What the form builder edits: a flat list of fields (section headings among them) in form
 * order, and optional wizard pages. `to-definition.ts` turns it into an entity definition (JSON
 * Schema, labels, uiSchema, rules); `from-definition.ts` reads it back.
 */
import type { LocalizedText } from '@trellis/errors';
import type { JsonValue, Rule } from '@trellis/rules';
import type { FieldPattern } from './patterns.js';

export const FIELD_KINDS = [
  'text', 'longText', 'number', 'money', 'percent', 'date', 'dateRange', 'select', 'multiSelect',
  'checkbox', 'radio', 'file', 'phone', 'email', 'address', 'heading', 'repeater', 'group',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldOption {
  readonly value: string;
  readonly label: LocalizedText;
}

/** Options that are another entity's records: the record id is stored, `labelField` is shown. */
export interface OptionsFrom {
  readonly entity: string;
  readonly labelField: string;
}

export interface BuilderField {
  /** the property name in the record (for a heading: the section's id) */
  readonly key: string;
  /**
   * a heading whose section id is also a field's key: the section's id, while `key` is one of the
   * builder's own (keys name one card each); editing the heading's id drops it
   */
  readonly sectionId?: string;
  readonly kind: FieldKind;
  readonly label: LocalizedText;
  readonly help?: LocalizedText;
  /** shown in the empty input, a hint of what to type */
  readonly placeholder?: LocalizedText;
  readonly required?: boolean;
  readonly default?: JsonValue;
  /** a default worked out when the record is created (e.g. today()); instead of `default` */
  readonly defaultRule?: Rule;
  /** numbers: the smallest and largest value; texts: see minLength/maxLength */
  readonly min?: number;
  readonly max?: number;
  /** numbers: whole numbers only (JSON Schema `integer`) */
  readonly integer?: boolean;
  /** numbers: only values above `min`, not `min` itself (`exclusiveMinimum`) */
  readonly minExclusive?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: FieldPattern;
  readonly options?: readonly FieldOption[];
  /** select and multi select: the options are records of this entity instead of `options` */
  readonly optionsFrom?: OptionsFrom;
  /** a repeater's columns */
  readonly columns?: readonly BuilderField[];
  /** a group's fields: one object value holding them, their paths `group.child` */
  readonly children?: readonly BuilderField[];
  /** a file upload taking several files (min/max: how many) */
  readonly multiple?: boolean;
  /** a file upload: the kinds of file offered (`image/*`), as the file input's `accept` */
  readonly accept?: string;
  /** the wizard page the field is on (a page id); absent: the first page */
  readonly page?: string;
  readonly showWhen?: Rule;
  readonly requiredWhen?: Rule;
  readonly computedAs?: Rule;
}

export interface BuilderPage {
  readonly id: string;
  readonly title: LocalizedText;
}

/** A cross-field check: `rule` must hold, else `message` is reported at the field `path`. */
export interface BuilderCheck {
  readonly id: string;
  readonly path: string;
  readonly rule: Rule;
  readonly message: LocalizedText;
}

export interface BuilderForm {
  readonly id: string;
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  readonly fields: readonly BuilderField[];
  /** wizard pages in order; empty: one page */
  readonly pages: readonly BuilderPage[];
  /** cross-field checks, in order; absent: none */
  readonly checks?: readonly BuilderCheck[];
  /** the field shown as a record's title */
  readonly titleField?: string;
  /** while this holds, a record is saved as a draft (required fields and checks wait) */
  readonly draftWhen?: Rule;
}

/** Kinds a group may hold: one level of plain fields. */
export const mayBeChild = (kind: FieldKind): boolean => kind !== 'heading' && kind !== 'group';

/** Kinds that hold no value: they only structure the form. */
export const isLayout = (kind: FieldKind): boolean => kind === 'heading';
/** Kinds whose value is a choice among options. */
export const hasOptions = (kind: FieldKind): boolean => kind === 'select' || kind === 'multiSelect' || kind === 'radio';
/** Kinds whose options may come from another entity's records. */
export const mayTakeRecords = (kind: FieldKind): boolean => kind === 'select' || kind === 'multiSelect';
export const isNumeric = (kind: FieldKind): boolean => kind === 'number' || kind === 'money' || kind === 'percent';
export const isText = (kind: FieldKind): boolean => kind === 'text' || kind === 'longText';

export function emptyForm(id: string, label: LocalizedText): BuilderForm {
  return { id, label, fields: [], pages: [] };
}

/** The field at `path` (`key`, or `group.child`). */
export function fieldAt(form: BuilderForm, path: string): BuilderField | undefined {
  const [key, child] = path.split('.');
  const field = form.fields.find((f) => f.key === key);
  return child === undefined ? field : field?.children?.find((c) => c.key === child);
}

/** Every field with its path, groups' children after their group. */
export function withPaths(fields: readonly BuilderField[], prefix = ''): [string, BuilderField][] {
  return fields.flatMap((f) => [[`${prefix}${f.key}`, f] as [string, BuilderField], ...withPaths(f.children ?? [], `${prefix}${f.key}.`)]);
}

/** A key not used yet among `fields`: `kind`, `kind2`, … */
export function freshKey(form: BuilderForm | readonly BuilderField[], base: string): string {
  const taken = new Set(('fields' in form ? form.fields : form).map((f) => f.key));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}
