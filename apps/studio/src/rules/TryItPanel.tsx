import { useTranslation } from 'react-i18next';
import type { Field, Literal } from '@trellis/conditions';
import { isTrellisError } from '@trellis/errors';
import { listVarPaths, traceRule, type Rule } from '@trellis/rules';
import { LiteralInput } from '../common/LiteralInput.js';
import { parseList } from '../common/literal-text.js';
import { useLocale } from '../i18n/i18n.js';
import { sampleRecord, type SampleValues } from './sample-data.js';
import { TraceView } from './TraceView.js';
import { useOptionText } from './option-text.js';

interface Props {
  readonly rule: Rule | null;
  readonly fields: readonly Field[];
  readonly values: SampleValues;
  readonly onValues: (values: SampleValues) => void;
}

function SampleInput({ field, value, onValue }: { field: Field; value: SampleValues[string] | undefined; onValue: (v: SampleValues[string]) => void }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const text = useOptionText(field);
  const label = pick(field.label);
  if (field.type === 'array') {
    const list = Array.isArray(value) ? value : [];
    return (
      <input aria-label={label} type="text" placeholder={t('cell.values')} defaultValue={list.join(', ')}
        onChange={(e) => onValue(parseList(e.target.value))} />
    );
  }
  if (field.type === 'boolean' || field.type === 'enum') {
    const choices: readonly Literal[] = field.type === 'boolean' ? [true, false] : field.options ?? [];
    const index = choices.findIndex((c) => c === value);
    return (
      <select aria-label={label} value={index} onChange={(e) => onValue(choices[Number(e.target.value)] ?? null)}>
        <option value={-1}>{t('tryIt.unset')}</option>
        {choices.map((c, i) => <option key={String(c)} value={i}>{typeof c === 'boolean' ? t(c ? 'condition.yes' : 'condition.no') : text(c)}</option>)}
      </select>
    );
  }
  const kind = field.type === 'date' ? 'date' : field.type === 'string' ? 'string' : 'number';
  return <LiteralInput aria-label={label} kind={kind} value={Array.isArray(value) ? null : value as Literal} onValue={onValue} />;
}

function evaluate(rule: Rule, values: SampleValues) {
  try {
    return { ok: true as const, ...traceRule(rule, sampleRecord(values)) };
  } catch (error) {
    return { ok: false as const, error };
  }
}

/** Sample values for the fields the rule reads, the result, and the explanation trace. */
export function TryItPanel({ rule, fields, values, onValues }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  if (rule === null) return null;
  // in the order the rule reads them, as the admin built it
  const read = [...new Set(listVarPaths(rule).filter((u) => u.itemOf === null).map((u) => u.path))];
  const used = read.flatMap((path) => fields.filter((f) => f.path === path));
  const outcome = evaluate(rule, values);
  return (
    <section className="panel try-it" aria-labelledby="try-it-title">
      <h2 id="try-it-title">{t('tryIt.title')}</h2>
      <p className="muted">{t('tryIt.intro')}</p>
      {used.length === 0 ? <p className="muted">{t('tryIt.noFields')}</p> : (
        <div className="form-grid">
          {used.map((f) => (
            <label key={f.path}>
              <span>{pick(f.label)}</span>
              <SampleInput field={f} value={values[f.path]} onValue={(v) => onValues({ ...values, [f.path]: v })} />
            </label>
          ))}
        </div>
      )}
      {outcome.ok ? (
        <>
          <p className="result">
            {t('tryIt.result')}: <output aria-label={t('tryIt.result')} className={`trace-value ${String(outcome.value)}`}>{JSON.stringify(outcome.value)}</output>
          </p>
          <h3>{t('tryIt.trace')}</h3>
          <div className="trace"><TraceView node={outcome.trace} fields={fields} rule={rule} /></div>
        </>
      ) : (
        <p className="problems error" role="alert">
          {t('tryIt.error')}: {isTrellisError(outcome.error) ? outcome.error.problems.map((p) => pick(p.message)).join('; ') : String(outcome.error)}
        </p>
      )}
    </section>
  );
}
