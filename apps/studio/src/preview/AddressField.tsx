import { useTranslation } from 'react-i18next';
import type { FieldProps } from '@rjsf/utils';
import { choicesOf, choose, type AddressValue, type Division } from '@trellis/divisions';
import { useAddressLevels } from '@trellis/divisions/react';

/**
 * An address as province → city → district, each list the one above it narrows, then the street.
 * The parts are stored by name in the field's object, as the address field's schema has them.
 */
export function AddressField({ formData, onChange, fieldPathId, schema, disabled, readonly }: FieldProps) {
  const { t } = useTranslation();
  const value = (formData ?? {}) as AddressValue;
  const levels = useAddressLevels(value);
  const id = fieldPathId.$id;
  const field = fieldPathId.path.map(String).join('.');
  const set = (next: AddressValue) => onChange(Object.keys(next).length === 0 ? undefined : next, fieldPathId.path);
  const off = disabled || readonly;
  const level = (name: 'province' | 'city' | 'district', options: readonly Division[]) => (
    <label className="stacked">
      <span>{t(`preview.address.${name}`)}</span>
      <select id={`${id}_${name}`} aria-label={t(`preview.address.${name}`)} value={value[name] ?? ''} disabled={off || options.length === 0} onChange={(e) => set(choose(value, name, e.target.value))}>
        <option value="">{t('preview.address.choose')}</option>
        {choicesOf(options, value[name]).map((o) => <option key={o.key} value={o.name}>{o.name}</option>)}
      </select>
    </label>
  );
  return (
    <fieldset className="address-field" data-field={field}>
      <legend>{schema.title ?? field}</legend>
      {schema.description !== undefined && <p className="field-description">{schema.description}</p>}
      {levels.loading && <p className="muted">{t('preview.address.loading')}</p>}
      <div className="address-levels">
        {level('province', levels.province)}
        {level('city', levels.city)}
        {level('district', levels.district)}
      </div>
      <label className="stacked">
        <span>{t('preview.address.street')}</span>
        <input id={`${id}_street`} type="text" value={value.street ?? ''} disabled={off} maxLength={200}
          onChange={(e) => set({ ...value, street: e.target.value === '' ? undefined : e.target.value })} />
      </label>
    </fieldset>
  );
}
