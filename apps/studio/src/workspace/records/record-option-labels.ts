import { useEffect, useState } from 'react';
import type { LocalizedText } from '@trellis/errors';
import { api } from '../../api/client.js';

interface RecordOption {
  readonly value: string;
  readonly label: string;
}

export type OptionLabels = Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>;

/** Options as cell labels: a record's label is its own field's text, the same in both languages. */
export function labelsOf(options: readonly RecordOption[]): Record<string, LocalizedText> {
  return Object.fromEntries(options.map((o) => [o.value, { en: o.label, 'zh-CN': o.label }]));
}

/**
 * The labels of the records that fields with options from another entity refer to, so cells show
 * names rather than record ids: one request per such field, not per row. A field whose options
 * cannot be read keeps showing ids.
 */
export function useRecordOptionLabels(appId: string, entityId: string, fields: readonly string[]): OptionLabels {
  const [labels, setLabels] = useState<OptionLabels>({});
  const key = fields.join('\n');
  useEffect(() => {
    let live = true;
    const wanted = key === '' ? [] : key.split('\n');
    void Promise.all(wanted.map(async (field) => {
      const options = await api<RecordOption[]>('GET', `/apps/${appId}/entities/${entityId}/fields/${field}/options`).catch(() => null);
      return [field, options === null ? {} : labelsOf(options)] as const;
    })).then((entries) => { if (live) setLabels(Object.fromEntries(entries)); });
    return () => { live = false; };
  }, [appId, entityId, key]);
  return labels;
}
