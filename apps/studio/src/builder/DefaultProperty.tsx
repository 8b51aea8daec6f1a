import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Field } from '@trellis/conditions';
import type { JsonSchemaObject, JsonValue, Rule } from '@trellis/rules';
import { FormulaEditor } from '../rules/FormulaEditor.js';
import { isNumeric, type BuilderField, type FieldKind } from './model.js';
import { numberOrUndefined } from './number-text.js';
import { useRuleFormula } from './use-rule-formula.js';

interface Props {
  readonly field: BuilderField;
  /** the form's other fields, for the formula */
  readonly fields: readonly Field[];
  readonly schema: JsonSchemaObject;
  readonly onChange: (patch: { default?: JsonValue; defaultRule?: Rule }, coalesce?: string) => void;
}

/** Kinds whose default may be given: a fixed value typed in, or a formula such as today(). */
export const takesDefault = (kind: FieldKind): boolean =>
  isNumeric(kind) || ['text', 'longText', 'date', 'checkbox', 'email', 'phone'].includes(kind);

function FixedValue({ field, onChange }: Pick<Props, 'field' | 'onChange'>) {
  const { t } = useTranslation();
  if (field.kind === 'checkbox') {
    return <label className="check"><input type="checkbox" checked={field.default === true} onChange={(e) => onChange({ default: e.target.checked ? true : undefined })} />{t('builder.props.checkedByDefault')}</label>;
  }
  const numeric = isNumeric(field.kind);
  return (
    <label className="stacked">
      <span>{t('builder.default.value')}</span>
      <input
        type={numeric ? 'number' : field.kind === 'date' ? 'date' : 'text'}
        value={field.default === undefined ? '' : String(field.default)}
        onChange={(e) => onChange({ default: numeric ? numberOrUndefined(e.target.value) : e.target.value === '' ? undefined : e.target.value }, 'default')}
      />
    </label>
  );
}

function DefaultFormula({ field, fields, schema, onChange }: Props) {
  const { t } = useTranslation();
  const formula = useRuleFormula(field.defaultRule, schema, (defaultRule) => onChange({ defaultRule }, 'defaultRule'));
  return (
    <>
      <p className="muted">{t('builder.default.formulaHint')}</p>
      <FormulaEditor draft={formula.draft} fields={fields} problems={formula.problems} onDraft={formula.edit} />
    </>
  );
}

/** A field's default: a fixed value, or a formula worked out when the record is created. */
export function DefaultProperty(props: Props) {
  const { t } = useTranslation();
  const { field, onChange } = props;
  const [mode, setMode] = useState<'value' | 'formula'>(field.defaultRule === undefined ? 'value' : 'formula');
  const switchTo = (next: 'value' | 'formula') => {
    setMode(next);
    // one of the two only: the other is dropped
    onChange({ default: undefined, defaultRule: undefined });
  };
  return (
    <fieldset className="default-property">
      <legend>{t('builder.props.default')}</legend>
      <div className="tabs" role="radiogroup" aria-label={t('builder.props.default')}>
        <label><input type="radio" checked={mode === 'value'} onChange={() => switchTo('value')} />{t('builder.default.fixed')}</label>
        <label><input type="radio" checked={mode === 'formula'} onChange={() => switchTo('formula')} />{t('builder.default.formula')}</label>
      </div>
      {mode === 'value' ? <FixedValue field={field} onChange={onChange} /> : <DefaultFormula {...props} />}
    </fieldset>
  );
}
