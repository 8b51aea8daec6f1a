/** The columns a records table can show: the entity's top-level fields, labelled by its form. */
import type { LocalizedText } from '@trellis/errors';
import type { SampleEntity } from '../../sample/template.js';

export interface Column {
  readonly key: string;
  readonly label: LocalizedText;
}

export function columnsOf(entity: Pick<SampleEntity, 'schema' | 'labels'>): Column[] {
  const properties = entity.schema.properties;
  if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) return [];
  return Object.keys(properties).map((key) => ({ key, label: entity.labels[key]?.label ?? { en: key, 'zh-CN': key } }));
}

/** A cell's text: scalars as they are, lists and objects as short JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
}
