import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '@trellis/conditions';
import type { JsonSchemaObject } from '@trellis/rules';
import { useLocale } from '../i18n/i18n.js';
import { ChecksEditor, type CheckTarget } from './ChecksEditor.js';
import { ConditionProperty } from './ConditionProperty.js';
import { isLayout, withPaths, type BuilderForm } from './model.js';

interface Props {
  readonly form: BuilderForm;
  /** the form's fields, for conditions and formulas */
  readonly fields: readonly Field[];
  readonly schema: JsonSchemaObject;
  readonly onChange: (next: BuilderForm, coalesce?: string) => void;
}

/** Drops the form's optional setting `key` when `value` is undefined, so none is left empty. */
function withSetting<K extends 'titleField' | 'draftWhen' | 'checks'>(form: BuilderForm, key: K, value: BuilderForm[K] | undefined): BuilderForm {
  const { [key]: _dropped, ...rest } = form;
  return (value === undefined ? rest : { ...rest, [key]: value }) as unknown as BuilderForm;
}

/** How the form's records behave: their title field, when they are drafts, and the cross-field checks. */
export const FormRules = memo(function FormRules({ form, fields, schema, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const data = withPaths(form.fields).filter(([, f]) => !isLayout(f.kind));
  const targets: CheckTarget[] = data.map(([path, f]) => ({ path, label: `${pick(f.label)} (${path})` }));
  const topLevel = form.fields.filter((f) => !isLayout(f.kind));
  return (
    <section className="panel builder-properties form-rules" aria-labelledby="form-rules-title">
      <h2 id="form-rules-title">{t('builder.formRules.title')}</h2>
      <label className="stacked">
        <span>{t('builder.formRules.titleField')}</span>
        <select value={form.titleField ?? ''} onChange={(e) => onChange(withSetting(form, 'titleField', e.target.value === '' ? undefined : e.target.value))}>
          <option value="">{t('builder.formRules.noTitleField')}</option>
          {form.titleField !== undefined && !topLevel.some((f) => f.key === form.titleField) && <option value={form.titleField}>{form.titleField}</option>}
          {topLevel.map((f) => <option key={f.key} value={f.key}>{pick(f.label)}</option>)}
        </select>
      </label>
      <ConditionProperty
        title={t('builder.formRules.draftWhen')}
        rule={form.draftWhen}
        fields={fields}
        schema={schema}
        onChange={(draftWhen) => onChange(withSetting(form, 'draftWhen', draftWhen), 'draftWhen')}
      />
      <p className="muted">{t('builder.formRules.draftHint')}</p>
      <ChecksEditor
        checks={form.checks ?? []}
        targets={targets}
        fields={fields}
        schema={schema}
        onChange={(checks, coalesce) => onChange(withSetting(form, 'checks', checks.length === 0 ? undefined : checks), coalesce)}
      />
    </section>
  );
});
