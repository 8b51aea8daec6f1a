import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProps } from '@rjsf/utils';
import { childrenOf, choose, loadDivisions, type AddressValue, type Division } from './divisions.js';

/**
 * An address as province → city → district, each list the one above it narrows, then the street.
 * The parts are stored by name in the field's object, as the address field's schema has them.
 */
export function AddressField({ formData, onChange, fieldPathId, schema, disabled, readonly }: FieldProps) {
  const { t } = useTranslation();
  const [provinces, setProvinces] = useState<readonly Division[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadDivisions().then((list) => { if (live) setProvinces(list); });
    return () => { live = false; };
  }, []);
  const value = (formData ?? {}) as AddressValue;
  const id = fieldPathId.$id;
  const field = fieldPathId.path.map(String).join('.');
  const set = (next: AddressValue) => onChange(Object.keys(next).length === 0 ? undefined : next, fieldPathId.path);
  const off = disabled || readonly;
  const cities = childrenOf(provinces ?? [], value.province);
  const districts = childrenOf(cities, value.city);
  const level = (name: 'province' | 'city' | 'district', options: readonly Division[]) => (
    <label className="stacked">
      <span>{t(`preview.address.${name}`)}</span>
      <select id={`${id}_${name}`} aria-label={t(`preview.address.${name}`)} value={value[name] ?? ''} disabled={off || options.length === 0} onChange={(e) => set(choose(value, name, e.target.value))}>
        <option value="">{t('preview.address.choose')}</option>
        {/* a stored name the table no longer has stays visible */}
        {value[name] !== undefined && !options.some((o) => o.name === value[name]) && <option value={value[name]}>{value[name]}</option>}
        {options.map((o) => <option key={o.code} value={o.name}>{o.name}</option>)}
      </select>
    </label>
  );
  return (
    <fieldset className="address-field" data-field={field}>
      <legend>{schema.title ?? field}</legend>
      {schema.description !== undefined && <p className="field-description">{schema.description}</p>}
      {provinces === null && <p className="muted">{t('preview.address.loading')}</p>}
      <div className="address-levels">
        {level('province', provinces ?? [])}
        {level('city', cities)}
        {level('district', districts)}
      </div>
      <label className="stacked">
        <span>{t('preview.address.street')}</span>
        <input id={`${id}_street`} type="text" value={value.street ?? ''} disabled={off} maxLength={200}
          onChange={(e) => set({ ...value, street: e.target.value === '' ? undefined : e.target.value })} />
      </label>
    </fieldset>
  );
}
