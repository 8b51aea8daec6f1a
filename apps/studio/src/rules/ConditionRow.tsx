import { useTranslation } from 'react-i18next';
import {
  newCondition, operatorsFor, withOperator, type Condition, type ConditionTree, type Field, type OperatorId,
} from '@trellis/conditions';
import type { Problem } from '@trellis/errors';
import { useLocale } from '../i18n/i18n.js';
import { ProblemList } from '../common/ProblemList.js';
import { ValueEditor } from './ValueEditor.js';

interface Props {
  readonly condition: Condition;
  readonly path: string;
  readonly fields: readonly Field[];
  readonly problems: readonly Problem[];
  readonly onChange: (next: ConditionTree | null) => void;
}

export function ConditionRow({ condition, path, fields, problems, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const field = fields.find((f) => f.path === condition.field);
  const fieldLabel = field === undefined ? condition.field : pick(field.label);
  const mine = problems.filter((p) => p.path === path || p.path.startsWith(`${path}/`));
  return (
    <li className={`condition${mine.length > 0 ? ' has-problem' : ''}`} data-path={path}>
      <div className="condition-row">
        <select
          aria-label={t('condition.field')}
          value={condition.field}
          onChange={(e) => {
            const next = fields.find((f) => f.path === e.target.value);
            if (next !== undefined) onChange(newCondition(next));
          }}
        >
          {field === undefined && <option value={condition.field}>{condition.field}</option>}
          {fields.map((f) => <option key={f.path} value={f.path}>{pick(f.label)}</option>)}
        </select>
        {field !== undefined && (
          <>
            <select
              aria-label={`${fieldLabel} ${t('condition.operator')}`}
              value={condition.operator}
              onChange={(e) => onChange(withOperator(condition, e.target.value as OperatorId))}
            >
              {operatorsFor(field.type).map((o) => <option key={o.id} value={o.id}>{pick(o.label)}</option>)}
            </select>
            <ValueEditor
              condition={condition}
              field={field}
              label={`${fieldLabel} ${t('condition.value')}`}
              onChange={(value) => onChange({ ...condition, value })}
            />
          </>
        )}
        <button type="button" className="icon" aria-label={`${t('condition.remove')}: ${fieldLabel}`} onClick={() => onChange(null)}>×</button>
      </div>
      <ProblemList problems={mine} />
    </li>
  );
}
