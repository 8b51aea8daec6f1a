import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProps } from '@rjsf/utils';
import { api, problemsOf } from '../api/client.js';
import { useLocale } from '../i18n/i18n.js';

interface RecordOption {
  readonly value: string;
  readonly label: string;
}

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'ready'; readonly options: readonly RecordOption[] };

/**
 * A select (or, for a list, checkboxes) whose options are another entity's records, as the server
 * lists them for the signed-in user; the record id is stored. The source is read from the field's
 * own `ui:options.optionsFrom`, so a draft previews a field that is not published yet.
 */
export function RecordOptionsField({ formData, onChange, fieldPathId, schema, uiSchema, registry, required, disabled, readonly }: FieldProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const context = registry.formContext as { appId?: string } | undefined;
  const field = String(fieldPathId.path[0] ?? '');
  const from = (uiSchema?.['ui:options'] as { optionsFrom?: { entity?: string; labelField?: string } } | undefined)?.optionsFrom;
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    if (context?.appId === undefined || from?.entity === undefined || from.labelField === undefined) return;
    let live = true;
    api<RecordOption[]>('GET', `/apps/${context.appId}/entities/${from.entity}/options?labelField=${encodeURIComponent(from.labelField)}`).then(
      (options) => { if (live) setLoaded({ kind: 'ready', options }); },
      (error: unknown) => { if (live) setLoaded({ kind: 'failed', message: problemsOf(error).map((p) => p.message[locale]).join('; ') }); },
    );
    return () => { live = false; };
  }, [context?.appId, from?.entity, from?.labelField, locale]);
  const options = loaded.kind === 'ready' ? loaded.options : [];
  const off = disabled || readonly || loaded.kind !== 'ready';
  const id = fieldPathId.$id;
  const status = loaded.kind === 'loading' ? <p className="muted">{t('preview.records.loading')}</p>
    : loaded.kind === 'failed' ? <p className="error">{t('preview.records.failed', { message: loaded.message })}</p> : null;

  if (schema.type === 'array') {
    const chosen = Array.isArray(formData) ? formData as string[] : [];
    const toggle = (value: string, on: boolean) => {
      const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
      onChange(next.length === 0 ? undefined : next, fieldPathId.path);
    };
    return (
      <fieldset className="record-options" id={id}>
        <legend>{schema.title ?? field}</legend>
        {schema.description !== undefined && <p className="field-description">{schema.description}</p>}
        {status}
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" checked={chosen.includes(o.value)} disabled={off} onChange={(e) => toggle(o.value, e.target.checked)} />{o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  const value = typeof formData === 'string' ? formData : '';
  // a field of its own gets no label from rjsf's template
  return (
    <>
      <label className="control-label" htmlFor={id}>{schema.title ?? field}{required === true && <span className="required">*</span>}</label>
      {schema.description !== undefined && <p className="field-description">{schema.description}</p>}
      <select id={id} className="form-control" value={value} disabled={off} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value, fieldPathId.path)}>
        <option value="">{t('preview.records.choose')}</option>
        {/* a stored id the user no longer sees stays visible as itself */}
        {value !== '' && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {status}
    </>
  );
}
