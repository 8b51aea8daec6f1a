/** The columns a records table can show: the entity's top-level fields, labelled by its form. */
import type { LocalizedText } from '@trellis/errors';
import type { SampleEntity } from '../../sample/template.js';
import { inLayoutOrder, type EntityLayout } from './entity-layout.js';

export interface Column {
  readonly key: string;
  readonly label: LocalizedText;
}

export function columnsOf(entity: Pick<SampleEntity, 'schema' | 'labels'>, layout: EntityLayout): Column[] {
  const properties = entity.schema.properties;
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return [];
  return inLayoutOrder(Object.keys(properties), layout).map((key) => ({ key, label: entity.labels[key]?.label ?? { en: key, 'zh-CN': key } }));
}

/**
 * A cell's text in the reader's language: an option's label instead of its code (single or
 * multi select), other scalars as they are, lists and objects as short JSON.
 */
export function fieldText(value: unknown, labels: Readonly<Record<string, LocalizedText>> | undefined, pick: (text: LocalizedText) => string): string {
  if (labels === undefined) return cellText(value);
  const one = (v: unknown) => {
    const label = typeof v === 'string' || typeof v === 'number' ? labels[String(v)] : undefined;
    return label === undefined ? cellText(v) : pick(label);
  };
  return Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number') ? value.map(one).join(', ') : one(value);
}

/** A cell's text: scalars as they are, lists and objects as short JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
}
