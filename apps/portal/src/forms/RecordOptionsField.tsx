import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProps } from '@rjsf/utils';
import { records } from '../api/records.js';
import { useLoad } from '../common/useLoad.js';
import type { PortalFormContext } from './AttachmentField.js';

/**
 * A choice among another entity's records (the field's `ui:options.optionsFrom`): a select, or
 * checkboxes for a list. The server lists the records the user may read and stores the chosen ids.
 */
export function RecordOptionsField(props: FieldProps) {
  const { t } = useTranslation();
  const statusId = useId();
  const context = props.registry.formContext as PortalFormContext;
  const field = String(props.fieldPathId.path[0] ?? props.name);
  const [loaded] = useLoad(() => records.options(context.app, context.entity, field), [context.app, context.entity, field]);

  const options = loaded.state === 'ready' ? loaded.value : [];
  const off = props.disabled === true || props.readonly === true || loaded.state !== 'ready';
  const label = props.schema.title ?? props.name;
  const invalid = (props.rawErrors?.length ?? 0) > 0;
  const id = props.fieldPathId.$id;
  // missing and failed alike leave nothing to choose from
  const status = loaded.state === 'loading' ? <p id={statusId} className="field-description" aria-live="polite">{t('recordOptions.loading')}</p>
    : loaded.state === 'ready' ? null : <p id={statusId} className="error" role="alert">{t('recordOptions.failed')}</p>;
  const describedBy = status === null ? undefined : statusId;
  const emit = (value: unknown) => props.onChange(value as never, props.fieldPathId.path);

  if (props.schema.type === 'array') {
    const chosen = Array.isArray(props.formData) ? (props.formData as unknown[]).filter((v): v is string => typeof v === 'string') : [];
    const toggle = (value: string, on: boolean) => {
      const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
      emit(next.length === 0 ? undefined : next);
    };
    return (
      <fieldset className="record-options" id={id} aria-describedby={describedBy}>
        <legend className={props.required === true ? 'is-required' : undefined}>{label}</legend>
        {status}
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" checked={chosen.includes(o.value)} disabled={off} onChange={(e) => toggle(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  const value = typeof props.formData === 'string' ? props.formData : '';
  // a field of its own gets no label from rjsf's template
  return (
    <div className="record-options">
      <label htmlFor={id} className="control-label">
        <span className={props.required === true ? 'is-required' : undefined}>{label}</span>
      </label>
      <select id={id} value={value} disabled={off} aria-required={props.required === true} aria-invalid={invalid} aria-describedby={describedBy}
        onChange={(e) => emit(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">{t('recordOptions.choose')}</option>
        {/* a stored id the user can no longer choose still shows, as itself */}
        {value !== '' && !options.some((o) => o.value === value) ? <option value={value}>{value}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {status}
    </div>
  );
}
