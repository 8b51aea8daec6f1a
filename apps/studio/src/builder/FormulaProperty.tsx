import { useTranslation } from 'react-i18next';
import type { Field } from '@trellis/conditions';
import type { JsonSchemaObject, Rule } from '@trellis/rules';
import { FormulaEditor } from '../rules/FormulaEditor.js';
import { useRuleFormula } from './use-rule-formula.js';

interface Props {
  readonly rule: Rule | undefined;
  readonly fields: readonly Field[];
  readonly schema: JsonSchemaObject;
  readonly onChange: (rule: Rule | undefined) => void;
}

/** "Computed as": a formula over the other fields, checked as it is typed; kept only while it has no problems. */
export function FormulaProperty({ rule, fields, schema, onChange }: Props) {
  const { t } = useTranslation();
  const formula = useRuleFormula(rule, schema, onChange);
  return (
    <fieldset className="formula-property">
      <legend>{t('builder.rules.computed')}</legend>
      <p className="muted">{t('builder.rules.computedHint')}</p>
      <FormulaEditor draft={formula.draft} fields={fields} problems={formula.problems} onDraft={formula.edit} />
    </fieldset>
  );
}
