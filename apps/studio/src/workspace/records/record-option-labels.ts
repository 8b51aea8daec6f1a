import { useEffect, useMemo, useState } from 'react';
import type { LocalizedText } from '@trellis/errors';
import { api } from '../../api/client.js';
import type { EntityLayout } from './entity-layout.js';

interface RecordOption {
  readonly value: string;
  readonly label: string;
}

type OptionLabels = EntityLayout['optionLabels'];

/** Options as cell labels: a record's label is its own field's text, the same in both languages. */
function labelsOf(options: readonly RecordOption[]): Record<string, LocalizedText> {
  return Object.fromEntries(options.map((o) => [o.value, { en: o.label, 'zh-CN': o.label }]));
}

/**
 * The layout's option labels, plus the labels of the records that fields with options from another
 * entity refer to, so cells show names rather than record ids: one request per such field, not per
 * row, read once for the entity's table and record pages. A field whose options cannot be read
 * keeps showing ids.
 */
export function useOptionLabels(appId: string, entityId: string, layout: EntityLayout | null): OptionLabels {
  const [recordLabels, setRecordLabels] = useState<OptionLabels>({});
  const key = layout?.recordOptionFields.join('\n') ?? '';
  useEffect(() => {
    let live = true;
    const wanted = key === '' ? [] : key.split('\n');
    void Promise.all(wanted.map(async (field) => {
      const options = await api<RecordOption[]>('GET', `/apps/${appId}/entities/${entityId}/fields/${field}/options`).catch(() => null);
      return [field, options === null ? {} : labelsOf(options)] as const;
    })).then((entries) => { if (live) setRecordLabels(Object.fromEntries(entries)); });
    return () => { live = false; };
  }, [appId, entityId, key]);
  // where a field has both, the form's typed labels win
  const typed = layout?.optionLabels;
  return useMemo(() => ({ ...recordLabels, ...typed }), [recordLabels, typed]);
}
