/**
 * One builder field as JSON Schema and rjsf uiSchema. Kinds the schema alone cannot tell apart
 * (money vs number, phone vs text, …) are named in `ui:options.kind`, which rjsf ignores.
 */
import type { JsonValue } from '@trellis/rules';
import type { BuilderField, FieldKind } from './model.js';
import { PATTERNS, regexOf } from './patterns.js';

type Schema = Record<string, JsonValue>;
type UiSchema = Record<string, JsonValue>;

const DATE: Schema = { type: 'string', format: 'date' };
/** The stored form of an uploaded file, the same as the server's attachments give back. */
export const ATTACHMENT_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    fileId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
    fileName: { type: 'string', minLength: 1, maxLength: 200 },
    contentType: { type: 'string', maxLength: 100 },
  },
  required: ['fileId', 'fileName'],
};
export const PHONE_PATTERN = PATTERNS.phoneCN.regex;
const ADDRESS_PARTS = ['province', 'city', 'district', 'street'] as const;

/** Kinds recorded in ui:options.kind because their schema is shared with another kind. */
export const TAGGED_KINDS: ReadonlySet<FieldKind> = new Set(['money', 'percent', 'phone', 'address', 'dateRange', 'radio', 'longText', 'file']);

function withBounds(base: Schema, field: BuilderField): Schema {
  const out: Schema = { ...base };
  if (field.min !== undefined) out[field.minExclusive === true ? 'exclusiveMinimum' : 'minimum'] = field.min;
  if (field.max !== undefined) out.maximum = field.max;
  if (field.minLength !== undefined) out.minLength = field.minLength;
  if (field.maxLength !== undefined) out.maxLength = field.maxLength;
  if (field.pattern !== undefined) out.pattern = regexOf(field.pattern);
  return out;
}

const optionValues = (field: BuilderField): string[] => (field.options ?? []).map((o) => o.value);

/** `objectSchema`: the schema of an object holding `fields` (a repeater's row, a group). */
export function fieldSchema(field: BuilderField, objectSchema: (fields: readonly BuilderField[]) => Schema): Schema {
  switch (field.kind) {
    case 'text': case 'longText': return withBounds({ type: 'string' }, field);
    case 'phone': return withBounds({ type: 'string', pattern: PHONE_PATTERN }, { ...field, pattern: undefined });
    case 'email': return withBounds({ type: 'string', format: 'email' }, field);
    case 'number': return withBounds({ type: field.integer === true ? 'integer' : 'number' }, field);
    case 'money': return withBounds({ type: 'number', multipleOf: 0.01 }, field);
    case 'percent': return withBounds({ type: 'number' }, field);
    case 'date': return { ...DATE };
    case 'dateRange': return { type: 'object', additionalProperties: false, properties: { from: DATE, to: DATE } };
    // a record id: which ids may be chosen is the server's check (the records the user may read)
    case 'select': return field.optionsFrom === undefined ? { type: 'string', enum: optionValues(field) } : { type: 'string' };
    case 'radio': return { type: 'string', enum: optionValues(field) };
    case 'multiSelect': return { type: 'array', uniqueItems: true, items: field.optionsFrom === undefined ? { type: 'string', enum: optionValues(field) } : { type: 'string' } };
    case 'checkbox': return { type: 'boolean' };
    case 'file': {
      if (field.multiple !== true) return ATTACHMENT_SCHEMA;
      const files: Schema = { type: 'array', items: ATTACHMENT_SCHEMA };
      if (field.min !== undefined) files.minItems = field.min;
      if (field.max !== undefined) files.maxItems = field.max;
      return files;
    }
    // an object holding its fields, written as the form's own fields are
    case 'group': return objectSchema(field.children ?? []);
    case 'address': return {
      type: 'object', additionalProperties: false,
      properties: Object.fromEntries(ADDRESS_PARTS.map((part) => [part, { type: 'string', maxLength: part === 'street' ? 200 : 50 }])),
    };
    case 'repeater': {
      const rows: Schema = { type: 'array', items: objectSchema(field.columns ?? []) };
      if (field.min !== undefined) rows.minItems = field.min;
      if (field.max !== undefined) rows.maxItems = field.max;
      return rows;
    }
    case 'heading': throw new Error('a heading has no schema');
  }
}

/** rjsf uiSchema entries of one field (empty when rjsf's defaults do). */
export function fieldUi(field: BuilderField): UiSchema {
  const ui: UiSchema = {};
  const options: Record<string, JsonValue> = {};
  // without an enum, the schema of a select of records reads as text: the kind says otherwise
  if (TAGGED_KINDS.has(field.kind) || field.optionsFrom !== undefined) options.kind = field.kind;
  if (field.kind === 'longText') ui['ui:widget'] = 'textarea';
  if (field.kind === 'radio') ui['ui:widget'] = 'radio';
  if (field.kind === 'date') ui['ui:widget'] = 'date';
  if (field.kind === 'multiSelect' && field.optionsFrom === undefined) ui['ui:widget'] = 'checkboxes';
  if (field.kind === 'file') ui['ui:widget'] = 'file';
  if (field.multiple === true) options.multiple = true;
  if (field.accept !== undefined) options.accept = field.accept;
  if (field.kind === 'percent') options.format = 'percent';
  if (field.optionsFrom !== undefined) options.optionsFrom = { ...field.optionsFrom };
  else if (field.options !== undefined && field.options.length > 0) {
    options.labels = Object.fromEntries(field.options.map((o) => [o.value, { ...o.label }]));
  }
  if (field.computedAs !== undefined) ui['ui:readonly'] = true;
  if (Object.keys(options).length > 0) ui['ui:options'] = options;
  return ui;
}
