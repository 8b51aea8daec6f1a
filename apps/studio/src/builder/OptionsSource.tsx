import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadAppData } from '../app-data/use-app-data.js';
import { useLocale } from '../i18n/i18n.js';
import type { SampleEntity } from '../sample/template.js';
import type { OptionsFrom } from './model.js';

interface Props {
  readonly appId: string;
  readonly value: OptionsFrom | undefined;
  readonly onChange: (next: OptionsFrom | undefined) => void;
}

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text fields of an entity that can label its records in a list of options. */
function labelFields(entity: SampleEntity | undefined): string[] {
  const props = entity !== undefined && isNode(entity.schema.properties) ? entity.schema.properties : {};
  return Object.entries(props).filter(([, s]) => isNode(s) && s.type === 'string').map(([key]) => key);
}

/**
 * Where a select's options come from: the list typed in the options editor, or the records of
 * another published entity of the app, shown by one of their text fields.
 */
export function OptionsSource({ appId, value, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [entities, setEntities] = useState<readonly SampleEntity[]>([]);
  useEffect(() => {
    let live = true;
    // without them the picker offers nothing; the typed list still works
    loadAppData(appId).then((data) => { if (live) setEntities(data.entities); }, () => undefined);
    return () => { live = false; };
  }, [appId]);
  const choose = (entityId: string) => {
    const entity = entities.find((e) => e.id === entityId);
    onChange({ entity: entityId, labelField: labelFields(entity)[0] ?? '' });
  };
  const entity = entities.find((e) => e.id === value?.entity);
  return (
    <fieldset className="options-source">
      <legend>{t('builder.props.optionsSource')}</legend>
      <label className="check">
        <input type="radio" name="options-source" checked={value === undefined} onChange={() => onChange(undefined)} />{t('builder.props.optionsTyped')}
      </label>
      <label className="check">
        <input type="radio" name="options-source" checked={value !== undefined} disabled={entities.length === 0} onChange={() => choose(entities[0]?.id ?? '')} />
        {t('builder.props.optionsFromEntity')}
      </label>
      {value !== undefined && (
        <div className="pair">
          <label className="stacked">
            <span>{t('builder.props.optionsEntity')}</span>
            <select aria-label={t('builder.props.optionsEntity')} value={value.entity} onChange={(e) => choose(e.target.value)}>
              {entity === undefined && <option value={value.entity}>{value.entity}</option>}
              {entities.map((e) => <option key={e.id} value={e.id}>{pick(e.label)}</option>)}
            </select>
          </label>
          <label className="stacked">
            <span>{t('builder.props.optionsLabelField')}</span>
            <select aria-label={t('builder.props.optionsLabelField')} value={value.labelField} onChange={(e) => onChange({ ...value, labelField: e.target.value })}>
              {!labelFields(entity).includes(value.labelField) && <option value={value.labelField}>{value.labelField}</option>}
              {labelFields(entity).map((key) => {
                const label = entity?.labels[key]?.label;
                return <option key={key} value={key}>{label === undefined ? key : pick(label)}</option>;
              })}
            </select>
          </label>
        </div>
      )}
    </fieldset>
  );
}
