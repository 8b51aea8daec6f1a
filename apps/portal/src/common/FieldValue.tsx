import type { EntityDefinition } from '@trellis/definitions';
import { enumLabel, isMoneyField } from '../config.js';
import { useLocale } from '../i18n/i18n.js';
import { useFormats } from './useFormats.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One stored value as a reader sees it: labels for codes, dates, money and numbers for the locale. */
export function FieldValue({ field, value }: { field: string; value: unknown }) {
  const { pick } = useLocale();
  const format = useFormats();
  if (value === undefined || value === null || value === '') return <span className="muted">—</span>;
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  if (typeof value === 'number') return <>{isMoneyField(field) ? format.money(value) : format.number(value)}</>;
  if (typeof value === 'string') {
    const label = enumLabel(field, value);
    if (label !== undefined) return <>{pick(label)}</>;
    return <>{DATE.test(value) ? format.date(value) : value}</>;
  }
  if (typeof value === 'object' && 'fileName' in value) return <>{String((value as { fileName: unknown }).fileName)}</>;
  return <>{JSON.stringify(value)}</>;
}

/** The label of a field of an entity, in the reader's language (its path when it has none). */
export function useFieldLabel(definition: EntityDefinition): (path: string) => string {
  const { pick } = useLocale();
  return (path) => pick(definition.fields?.[path]?.label, path);
}

/** Fields and their values as a description list. */
export function FieldList({ definition, data, fields }: { definition: EntityDefinition; data: Record<string, unknown>; fields: readonly string[] }) {
  const label = useFieldLabel(definition);
  return (
    <dl className="fields">
      {fields.filter((f) => data[f] !== undefined).map((f) => (
        <div key={f}>
          <dt>{label(f)}</dt>
          <dd><FieldValue field={f} value={data[f]} /></dd>
        </div>
      ))}
    </dl>
  );
}
