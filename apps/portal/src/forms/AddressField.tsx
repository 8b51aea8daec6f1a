import { useTranslation } from 'react-i18next';
import type { FieldProps } from '@rjsf/utils';
import { choicesOf, choose, type AddressValue, type Division } from '@trellis/divisions';
import { useAddressLevels } from '@trellis/divisions/react';

type Level = 'province' | 'city' | 'district';

/**
 * An address field (`ui:options.kind: "address"`) as the studio's preview draws it: province →
 * city → district, each list narrowed by the one above, then the street. Parts are stored by name.
 */
export function AddressField({ formData, onChange, fieldPathId, schema, disabled, readonly, required, rawErrors }: FieldProps) {
  const { t } = useTranslation();
  const value = (formData ?? {}) as AddressValue;
  const levels = useAddressLevels(value);
  const id = fieldPathId.$id;
  const set = (next: AddressValue) => onChange(Object.keys(next).length === 0 ? undefined : next, fieldPathId.path);
  const off = disabled === true || readonly === true;
  const invalid = (rawErrors?.length ?? 0) > 0;
  const level = (name: Level, options: readonly Division[]) => (
    <div className="address-level">
      <label htmlFor={`${id}_${name}`} className="control-label">{t(`address.${name}`)}</label>
      <select id={`${id}_${name}`} value={value[name] ?? ''} disabled={off || options.length === 0} aria-invalid={invalid}
        onChange={(e) => set(choose(value, name, e.target.value))}>
        <option value="">{t('address.choose')}</option>
        {choicesOf(options, value[name]).map((o) => <option key={o.key} value={o.name}>{o.name}</option>)}
      </select>
    </div>
  );
  return (
    <fieldset className="address-field" id={id}>
      <legend className={required === true ? 'is-required' : undefined}>{schema.title ?? fieldPathId.path.map(String).join('.')}</legend>
      {schema.description !== undefined && <p className="field-description">{schema.description}</p>}
      {levels.loading && <p className="field-description" aria-live="polite">{t('address.loading')}</p>}
      {level('province', levels.province)}
      {level('city', levels.city)}
      {level('district', levels.district)}
      <div className="address-level">
        <label htmlFor={`${id}_street`} className="control-label">{t('address.street')}</label>
        <input id={`${id}_street`} type="text" value={value.street ?? ''} disabled={off} maxLength={200} aria-invalid={invalid}
          onChange={(e) => set({ ...value, street: e.target.value === '' ? undefined : e.target.value })} />
      </div>
    </fieldset>
  );
}
