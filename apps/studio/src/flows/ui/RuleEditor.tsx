import { useMemo, useState } from 'react';
import { checkTree, fromJsonLogic, toJsonLogic, updateAt, type ConditionTree, type Group } from '@trellis/conditions';
import type { Rule } from '@trellis/rules';
import { useTranslation } from 'react-i18next';
import { ConditionGroup } from '../../rules/ConditionGroup.js';
import { useEditorContext } from './editor-context.js';
import { FormulaField } from './FormulaField.js';

interface Props {
  readonly value: unknown;
  readonly label: string;
  readonly onChange: (rule: Rule) => void;
}

/** A rule edited with the rule builder's conditions when it can be shown as them, else as a formula (never as JSON, unless the admin asks for it). */
export function RuleEditor({ value, label, onChange }: Props) {
  const { t } = useTranslation();
  const { fields } = useEditorContext();
  const read = useMemo(() => fromJsonLogic(value as Rule, fields), [value, fields]);
  const [asFormula, setAsFormula] = useState(false);
  const tree = read.ok ? read.value : null;
  const edit = (group: Group) => (path: string, next: ConditionTree | null) => onChange(toJsonLogic(updateAt(group, path, () => next) as Group));
  return (
    <div className="rule-editor" role="group" aria-label={label}>
      <div className="tabs">
        <label><input type="radio" checked={!asFormula && tree !== null} disabled={tree === null} onChange={() => setAsFormula(false)} />{t('flows.field.asConditions')}</label>
        <label><input type="radio" checked={asFormula || tree === null} onChange={() => setAsFormula(true)} />{t('flows.field.asFormula')}</label>
      </div>
      {tree !== null && !asFormula
        ? <ConditionGroup group={tree} path="" fields={fields} problems={checkTree(tree, fields)} onEdit={edit(tree)} />
        : (
          <>
            {tree === null && <p className="muted">{t('flows.field.notConditions')}</p>}
            <FormulaField value={value} onChange={onChange} />
          </>
        )}
    </div>
  );
}
