import { useTranslation } from 'react-i18next';
import type { Rule } from '@trellis/rules';
import { CommitInput } from './CommitInput.js';
import { FormulaField } from './FormulaField.js';
import { JsonInput } from './JsonInput.js';

type Obj = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `{"$rule": …}`: a part of the template whose value a formula gives */
const isRulePart = (v: unknown): v is { $rule: unknown } => isObject(v) && Object.keys(v).length === 1 && '$rule' in v;
const isLiteral = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A part as a formula: a fixed value is a formula of itself; what a formula gives back is stored as a fixed value when it is one. */
const partRule = (part: unknown): unknown => (isRulePart(part) ? part.$rule : part);
const partOf = (rule: Rule): unknown => (isLiteral(rule) ? rule : { $rule: rule });

/** One record the template builds: a name and a formula per property (nested shapes: JSON, advanced). */
function RecordTemplate({ value, label, onChange }: { value: Obj; label: string; onChange: (value: Obj) => void }) {
  const { t } = useTranslation();
  const entries = Object.entries(value);
  const rename = (from: string, to: string) => {
    if (to === '' || to === from || to in value) return;
    onChange(Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])));
  };
  return (
    <div className="template-record" role="group" aria-label={label}>
      <ol>
        {entries.map(([key, part], i) => (
          <li key={key} className="template-part">
            <CommitInput aria-label={t('flows.template.name', { n: i + 1 })} value={key} onCommit={(to) => rename(key, to)} />
            {isRulePart(part) || isLiteral(part)
              ? <FormulaField value={partRule(part)} onChange={(rule) => onChange({ ...value, [key]: partOf(rule) })} />
              : <JsonInput value={part} label={t('flows.template.json', { name: key })} onChange={(next) => onChange({ ...value, [key]: next })} />}
            <button type="button" className="icon" aria-label={t('flows.template.removePart', { name: key })}
              onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== key)))}>×</button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange({ ...value, [freshName(value)]: '' })}>+ {t('flows.template.addPart')}</button>
    </div>
  );
}

function freshName(value: Obj): string {
  let n = Object.keys(value).length + 1;
  while (`field${n}` in value) n += 1;
  return `field${n}`;
}

/**
 * An assignment's template (a record, or rows of records, for fields JSON Logic cannot build):
 * each property's value is a formula. Other shapes open as JSON.
 */
export function TemplateEditor({ value, label, onChange }: { value: unknown; label: string; onChange: (value: unknown) => void }) {
  const { t } = useTranslation();
  if (isObject(value) && !isRulePart(value)) return <RecordTemplate value={value} label={label} onChange={onChange} />;
  if (Array.isArray(value) && value.every((row) => isObject(row) && !isRulePart(row))) {
    const rows = value as Obj[];
    return (
      <div className="template-rows">
        <ol>
          {rows.map((row, i) => (
            <li key={i}>
              <RecordTemplate value={row} label={t('flows.template.row', { n: i + 1 })} onChange={(next) => onChange(rows.map((r, j) => (j === i ? next : r)))} />
              <button type="button" className="icon" aria-label={t('flows.template.removeRow', { n: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>×</button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => onChange([...rows, Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, '']))])}>+ {t('flows.template.addRow')}</button>
      </div>
    );
  }
  if (value === '' || value === undefined) {
    return (
      <div className="template-start">
        <button type="button" onClick={() => onChange({})}>{t('flows.template.asRecord')}</button>
        <button type="button" onClick={() => onChange([{}])}>{t('flows.template.asRows')}</button>
      </div>
    );
  }
  return <JsonInput value={value} label={label} onChange={onChange} />;
}
