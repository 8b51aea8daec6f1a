import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/i18n.js';
import { kindLabel } from './edit.js';
import type { BuilderField } from './model.js';

interface Props {
  readonly field: BuilderField;
  /** the field's path: its key, or `group.child` */
  readonly path: string;
  readonly selected: boolean;
  readonly onSelect: (path: string) => void;
}

/** A field's name, type, id and rule badges on the canvas: pressing it opens its properties. */
export function FieldSummary({ field, path, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  return (
    <button type="button" className="field-summary" aria-pressed={selected} onClick={() => onSelect(path)}>
      <span className="field-label">{pick(field.label)}{field.required === true && <span className="required" aria-label={t('builder.required')}> *</span>}</span>
      <span className="field-meta">{pick(kindLabel(field.kind))} · <code>{path}</code></span>
      {field.showWhen !== undefined && <span className="badge">{t('builder.badge.showWhen')}</span>}
      {field.requiredWhen !== undefined && <span className="badge">{t('builder.badge.requiredWhen')}</span>}
      {field.computedAs !== undefined && <span className="badge">{t('builder.badge.computed')}</span>}
    </button>
  );
}
