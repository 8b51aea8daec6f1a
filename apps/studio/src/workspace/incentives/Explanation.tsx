import { useTranslation } from 'react-i18next';
import type { TraceNode } from '@trellis/rules';
import { useLocale } from '../../i18n/i18n.js';
import { TraceView } from '../../rules/TraceView.js';
import { explain, type ExplainedDerived, type ExplainedLine, type ProgramLabels } from './explain.js';
import { formatAmount, formatValue } from './format-amount.js';
import type { RunResult } from './types.js';

/**
 * Why a subject got its amount, in the admin's language: eligibility, the metrics read, the derived
 * values (with the decision-table row that matched), each payout line from formula to amount,
 * proration, caps, rounding and the total.
 */
export function Explanation({ result, program }: { result: RunResult; program: ProgramLabels | undefined }) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const x = explain(result, program ?? {}, pick);
  const money = (amount: string) => formatAmount(amount, result.currency, locale);
  const value = (v: unknown) => formatValue(v, locale);
  const trace = (result.explanation as { eligibility?: { trace?: TraceNode } } | null | undefined)?.eligibility?.trace;

  const derivedText = (d: ExplainedDerived): string => {
    if (d.table === undefined) return value(d.value);
    const rows = d.table.rows.length === 0 ? t('admin.incentives.explain.tableDefault')
      : d.table.rows.map((r) => (r.note === null ? t('admin.incentives.explain.tableRow', { row: r.row }) : t('admin.incentives.explain.tableRowNote', { row: r.row, note: r.note }))).join('; ');
    const inputs = d.table.inputs.map((i) => `${i.label} = ${value(i.value)}`).join(', ');
    return `${value(d.value)} — ${rows}${inputs === '' ? '' : `, ${t('admin.incentives.explain.tableInputs', { inputs })}`}`;
  };
  const lineSteps = (l: ExplainedLine): string[] => [
    l.formula.kind === 'base_rate'
      ? t('admin.incentives.explain.baseRate', { base: l.formula.base, value: value(l.formula.baseValue), rate: value(l.formula.rate), raw: value(l.raw) })
      : t('admin.incentives.explain.fixed', { amount: value(l.formula.amount) }),
    ...(l.prorated === null ? [] : [t('admin.incentives.explain.prorated', { amount: value(l.prorated) })]),
    t('admin.incentives.explain.rounded', { amount: money(l.rounded) }),
    ...l.capped.map((c) => t('admin.incentives.explain.cappedTo', { cap: t(`admin.incentives.explain.capKind.${c.kind}`), amount: money(c.amount) })),
  ];

  return (
    <section className="panel explanation" aria-labelledby="run-explanation" data-testid="explanation">
      <h2 id="run-explanation">{t('admin.incentives.explain.title', { subject: result.subject, amount: money(result.amount) })}</h2>
      <p className="muted">
        {t('admin.incentives.explain.program', { program: program?.label === undefined ? result.program : pick(program.label) })}
        {x.period !== null && <> · {t('admin.incentives.explain.period', { period: x.period.id, start: x.period.start, end: x.period.end })}</>}
      </p>
      {program?.description !== undefined && <details><summary>{t('admin.incentives.explain.rule')}</summary><p>{pick(program.description)}</p></details>}

      <h3>{t('admin.incentives.explain.eligibility')}</h3>
      <p data-testid="eligibility" className={x.eligible ? 'ok' : 'not-ok'}>{x.eligible ? t('admin.incentives.explain.eligibleYes') : t('admin.incentives.explain.eligibleNo')}</p>
      {trace !== undefined && <details><summary>{t('admin.incentives.explain.showTrace')}</summary><TraceView node={trace} fields={[]} /></details>}

      <h3>{t('admin.incentives.explain.inputs')}</h3>
      {x.metrics.length === 0 ? <p className="muted">{t('admin.incentives.explain.noInputs')}</p> : (
        <dl className="record-data" data-testid="explanation-inputs">
          {x.metrics.map((m) => <div key={m.id}><dt>{m.label}</dt><dd>{value(m.value)}</dd></div>)}
        </dl>
      )}
      {x.derived.length > 0 && (
        <>
          <h3>{t('admin.incentives.explain.derived')}</h3>
          <dl className="record-data" data-testid="explanation-derived">
            {x.derived.map((d) => <div key={d.id}><dt>{d.label}</dt><dd>{derivedText(d)}</dd></div>)}
          </dl>
        </>
      )}

      {x.lines.length > 0 && (
        <>
          <h3>{t('admin.incentives.explain.lines')}</h3>
          <table className="records-table" data-testid="explanation-lines">
            <thead><tr><th>{t('admin.incentives.explain.line')}</th><th>{t('admin.incentives.explain.formula')}</th><th>{t('admin.incentives.explain.result')}</th></tr></thead>
            <tbody>
              {x.lines.map((l) => (
                <tr key={l.id}><td>{l.label}</td><td>{lineSteps(l).join(' → ')}</td><td className="amount">{money(l.amount)}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ul className="explanation-notes">
        {x.eligible && <li>{x.proration === null ? t('admin.incentives.explain.noProration') : t('admin.incentives.explain.proration', {
          active: x.proration.activeDays, days: x.proration.periodDays,
          from: x.proration.from ?? t('admin.incentives.explain.openEnd'), to: x.proration.to ?? t('admin.incentives.explain.openEnd'),
        })}</li>}
        {x.eligible && (x.caps.length === 0 ? <li>{t('admin.incentives.explain.noCaps')}</li> : x.caps.map((c) => (
          <li key={c.kind}>{t('admin.incentives.explain.cap', { kind: t(`admin.incentives.explain.capKind.${c.kind}`), cap: money(c.cap), before: money(c.subjectBefore), after: money(c.subjectAfter) })}</li>
        )))}
        {x.rounding !== null && <li>{t('admin.incentives.explain.rounding', { scale: x.rounding.scale, mode: t(`admin.incentives.explain.modes.${x.rounding.mode}`) })}</li>}
      </ul>
      <p className="explanation-total" data-testid="explanation-total"><strong>{t('admin.incentives.explain.total')}: {money(x.total)}</strong></p>
    </section>
  );
}
