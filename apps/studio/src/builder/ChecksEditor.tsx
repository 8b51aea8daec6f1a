import { useTranslation } from 'react-i18next';
import type { Field } from '@trellis/conditions';
import type { JsonSchemaObject, Rule } from '@trellis/rules';
import { FormulaEditor } from '../rules/FormulaEditor.js';
import type { BuilderCheck } from './model.js';
import { TextPair } from './TextPair.js';
import { useRuleFormula } from './use-rule-formula.js';

/** A field a check may be reported at: its path and how it is shown. */
export interface CheckTarget {
  readonly path: string;
  readonly label: string;
}

interface Props {
  readonly checks: readonly BuilderCheck[];
  /** the form's fields a check can be reported at */
  readonly targets: readonly CheckTarget[];
  /** the form's fields a check's formula reads */
  readonly fields: readonly Field[];
  readonly schema: JsonSchemaObject;
  readonly onChange: (checks: readonly BuilderCheck[], coalesce?: string) => void;
}

/** What a new check says until the admin words it. */
const FIRST_MESSAGE = { 'zh-CN': '此项的值不符合要求。', en: 'This value is not accepted.' };
/** A new check holds until the admin writes its condition. */
const ALWAYS: Rule = true;

function freshId(checks: readonly BuilderCheck[]): string {
  const taken = new Set(checks.map((c) => c.id));
  let n = checks.length + 1;
  while (taken.has(`check${n}`)) n += 1;
  return `check${n}`;
}

interface CheckProps {
  readonly n: number;
  readonly check: BuilderCheck;
  readonly targets: readonly CheckTarget[];
  readonly fields: readonly Field[];
  readonly schema: JsonSchemaObject;
  readonly onChange: (next: BuilderCheck, coalesce?: string) => void;
  readonly onRemove: () => void;
}

function CheckItem({ n, check, targets, fields, schema, onChange, onRemove }: CheckProps) {
  const { t } = useTranslation();
  const formula = useRuleFormula(check.rule, schema, (rule) => onChange({ ...check, rule: rule ?? ALWAYS }, 'rule'));
  const known = targets.some((f) => f.path === check.path);
  return (
    <li className="check-item">
      <fieldset aria-label={t('builder.checks.item', { n })}>
        <legend>{t('builder.checks.item', { n })}</legend>
        <label className="stacked">
          <span>{t('builder.checks.at')}</span>
          <select value={check.path} onChange={(e) => onChange({ ...check, path: e.target.value })}>
            {!known && <option value={check.path}>{check.path}</option>}
            {targets.map((f) => <option key={f.path} value={f.path}>{f.label}</option>)}
          </select>
        </label>
        <div className="stacked">
          <span>{t('builder.checks.rule')}</span>
          <p className="muted">{t('builder.checks.ruleHint')}</p>
          <FormulaEditor draft={formula.draft} fields={fields} problems={formula.problems} onDraft={formula.edit} />
        </div>
        <TextPair label={t('builder.checks.message')} value={check.message} onChange={(message, lang) => message !== undefined && onChange({ ...check, message }, `message.${lang}`)} />
        <button type="button" onClick={onRemove}>{t('builder.checks.remove', { n })}</button>
      </fieldset>
    </li>
  );
}

/**
 * The form's cross-field checks: each a condition over the fields that must hold, written as a
 * formula, and the message (in both languages) shown at the field it names when it does not.
 */
export function ChecksEditor({ checks, targets, fields, schema, onChange }: Props) {
  const { t } = useTranslation();
  const first = targets[0];
  const add = () => first !== undefined && onChange([...checks, { id: freshId(checks), path: first.path, rule: ALWAYS, message: FIRST_MESSAGE }]);
  return (
    <fieldset className="checks-editor">
      <legend>{t('builder.checks.title')}</legend>
      {checks.length === 0 && <p className="muted">{t('builder.checks.none')}</p>}
      <ul className="checks">
        {checks.map((check, i) => (
          <CheckItem
            key={check.id}
            n={i + 1}
            check={check}
            targets={targets}
            fields={fields}
            schema={schema}
            onChange={(next, coalesce) => onChange(checks.map((c) => (c.id === check.id ? next : c)), coalesce === undefined ? undefined : `check.${check.id}.${coalesce}`)}
            onRemove={() => onChange(checks.filter((c) => c.id !== check.id))}
          />
        ))}
      </ul>
      <button type="button" disabled={first === undefined} onClick={add}>+ {t('builder.checks.add')}</button>
    </fieldset>
  );
}
