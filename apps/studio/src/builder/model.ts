/**
 * What the form builder edits: a flat list of fields (section headings among them) in form
 * order, and optional wizard pages. `to-definition.ts` turns it into an entity definition (JSON
 * Schema, labels, uiSchema, rules); `from-definition.ts` reads it back.
 */
import type { LocalizedText } from '@trellis/errors';
import type { JsonValue, Rule } from '@trellis/rules';
import type { PatternId } from './patterns.js';

export const FIELD_KINDS = [
  'text', 'longText', 'number', 'money', 'percent', 'date', 'dateRange', 'select', 'multiSelect',
  'checkbox', 'radio', 'file', 'phone', 'email', 'address', 'heading', 'repeater',
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
  readonly kind: FieldKind;
  readonly label: LocalizedText;
  readonly help?: LocalizedText;
  readonly required?: boolean;
  readonly default?: JsonValue;
  /** numbers: the smallest and largest value; texts: see minLength/maxLength */
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: PatternId;
  readonly options?: readonly FieldOption[];
  /** select and multi select: the options are records of this entity instead of `options` */
  readonly optionsFrom?: OptionsFrom;
  /** a repeater's columns */
  readonly columns?: readonly BuilderField[];
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

export interface BuilderForm {
  readonly id: string;
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  readonly fields: readonly BuilderField[];
  /** wizard pages in order; empty: one page */
  readonly pages: readonly BuilderPage[];
}

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

/** A key not used yet in the form: `kind`, `kind2`, … */
export function freshKey(form: BuilderForm, base: string): string {
  const taken = new Set(form.fields.map((f) => f.key));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}
