import type { LocalizedText } from '@trellis/errors';

/**
 * How an entity's form lays its fields out, for showing its records in the same order: the form's
 * `ui:order` (stored schemas lose their key order), and the field that names a record.
 */
export interface EntityLayout {
  readonly order: readonly string[];
  readonly titleField: string | null;
  /** per field, the label of each option value (the form's `ui:options.labels`), so cells show labels, not codes */
  readonly optionLabels: Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>;
  /** the fields whose options are another entity's records (`ui:options.optionsFrom`): they store record ids */
  readonly recordOptionFields: readonly string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown): v is LocalizedText => isObject(v) && typeof v.en === 'string' && typeof v['zh-CN'] === 'string';

function optionLabelsOf(ui: Record<string, unknown>): EntityLayout['optionLabels'] {
  const out: Record<string, Record<string, LocalizedText>> = {};
  for (const [field, fieldUi] of Object.entries(ui)) {
    const labels = isObject(fieldUi) && isObject(fieldUi['ui:options']) ? fieldUi['ui:options'].labels : undefined;
    if (!isObject(labels)) continue;
    const texts = Object.entries(labels).filter((entry): entry is [string, LocalizedText] => isText(entry[1]));
    if (texts.length > 0) out[field] = Object.fromEntries(texts);
  }
  return out;
}

function recordOptionFieldsOf(ui: Record<string, unknown>): string[] {
  return Object.entries(ui).filter(([, fieldUi]) => isObject(fieldUi) && isObject(fieldUi['ui:options']) && isObject(fieldUi['ui:options'].optionsFrom))
    .map(([field]) => field);
}

export function layoutOf(definition: Record<string, unknown>): EntityLayout {
  const ui = isObject(definition.ui) && isObject(definition.ui.uiSchema) ? definition.ui.uiSchema : {};
  const order = Array.isArray(ui['ui:order']) ? ui['ui:order'].filter((k): k is string => typeof k === 'string') : [];
  return {
    order,
    titleField: typeof definition.titleField === 'string' ? definition.titleField : null,
    optionLabels: optionLabelsOf(ui),
    recordOptionFields: recordOptionFieldsOf(ui),
  };
}

/** `keys` in the layout's order; keys the order does not name keep their place after it. */
export function inLayoutOrder(keys: readonly string[], layout: EntityLayout): string[] {
  const known = new Set(keys);
  const ordered = layout.order.filter((k) => known.has(k));
  return [...ordered, ...keys.filter((k) => !ordered.includes(k))];
}
