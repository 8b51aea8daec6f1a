import { useTranslation } from 'react-i18next';
import { OPERATORS, type Condition, type ConditionValue, type Field, type Literal } from '@trellis/conditions';
import { LiteralInput } from '../common/LiteralInput.js';
import { useOptionText } from './option-text.js';

interface Props {
  readonly condition: Condition;
  readonly field: Field;
  readonly label: string;
  readonly onChange: (value: ConditionValue) => void;
}

/** One literal, with the input its field's type calls for. */
function OneValue({ field, value, label, onValue }: { field: Field; value: Literal | undefined; label: string; onValue: (v: Literal) => void }) {
  const { t } = useTranslation();
  const text = useOptionText(field);
  const options = field.options;
  if (field.type === 'boolean' || options !== undefined) {
    const choices: readonly { value: Literal; text: string }[] = field.type === 'boolean'
      ? [{ value: true, text: t('condition.yes') }, { value: false, text: t('condition.no') }]
      : (options ?? []).map((o) => ({ value: o, text: text(o) }));
    const index = choices.findIndex((c) => c.value === value);
    return (
      <select aria-label={label} value={index} onChange={(e) => onValue(choices[Number(e.target.value)]?.value ?? null)}>
        <option value={-1}>{t('condition.choose')}</option>
        {choices.map((c, i) => <option key={String(c.value)} value={i}>{c.text}</option>)}
      </select>
    );
  }
  const kind = field.type === 'date' ? 'date' : field.type === 'number' || field.type === 'integer' ? 'number' : 'string';
  return <LiteralInput aria-label={label} kind={kind} value={value} onValue={onValue} />;
}

/** The value part of a condition: nothing, one value, a from–to pair, or a set of choices. */
export function ValueEditor({ condition, field, label, onChange }: Props) {
  const { t } = useTranslation();
  const text = useOptionText(field);
  const { value } = condition;
  const kind = OPERATORS[condition.operator].valueKind;
  if (kind === 'none') return null;
  if (kind === 'one') {
    return <OneValue field={field} label={label} value={Array.isArray(value) ? null : value as Literal} onValue={onChange} />;
  }
  const list: readonly Literal[] = Array.isArray(value) ? value : [];
  if (kind === 'range') {
    const set = (i: 0 | 1) => (v: Literal) => onChange(i === 0 ? [v, list[1] ?? null] : [list[0] ?? null, v]);
    return (
      <span className="range">
        <OneValue field={field} label={`${label} ${t('condition.from')}`} value={list[0]} onValue={set(0)} />
        <span aria-hidden="true">{t('condition.and')}</span>
        <OneValue field={field} label={`${label} ${t('condition.to')}`} value={list[1]} onValue={set(1)} />
      </span>
    );
  }
  const options = field.options ?? [];
  return (
    <fieldset className="choices">
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => (
        <label key={String(option)} className="choice">
          <input
            type="checkbox"
            checked={list.includes(option)}
            onChange={(e) => onChange(e.target.checked ? options.filter((o) => o === option || list.includes(o)) : list.filter((v) => v !== option))}
          />
          {text(option)}
        </label>
      ))}
    </fieldset>
  );
}
