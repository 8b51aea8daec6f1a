import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { incentives, quarterOf, type ProgramInfo, type ProgramResultView, type ResultLine } from '../api/incentives.js';
import { NotReady } from '../common/Status.js';
import { useFormats } from '../common/useFormats.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { useLocale } from '../i18n/i18n.js';
import { statementCsv } from './statement-csv.js';

/** How a line's amount was reached, in words the reader's locale writes numbers in. */
export function useLineFormula(): (line: ResultLine) => string {
  const format = useFormats();
  return (line) => {
    const { formula, rounded } = line.explanation;
    const amount = format.number(Number(rounded), 2);
    if (formula.kind === 'base_rate' && formula.baseValue !== undefined) {
      const rate = Number(formula.rate);
      return `${format.number(Number(formula.baseValue), 2)} × ${Number.isFinite(rate) ? format.percent(rate) : String(formula.rate)} = ${amount}`;
    }
    return amount;
  };
}

function ProgramCard({ result, program }: { result: ProgramResultView; program: ProgramInfo | undefined }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const format = useFormats();
  const formula = useLineFormula();
  const metrics = Object.entries(result.explanation.metrics ?? {});
  return (
    <section className="card" aria-labelledby={`program-${result.program}`}>
      <h2 id={`program-${result.program}`}>{pick(program?.label, result.program)}</h2>
      <p className="amount" data-testid={`amount-${result.program}`}>{format.money(Number(result.amount), result.currency)}</p>
      {!result.eligible ? <p className="notice info">{t('incentives.notEligible')}</p> : null}
      {metrics.length > 0 ? (
        <dl className="fields">
          {metrics.map(([id, value]) => (
            <div key={id}>
              <dt>{pick(program?.metrics.find((m) => m.id === id)?.label, id)}</dt>
              <dd>{typeof value === 'number' || (typeof value === 'string' && value !== '' && Number.isFinite(Number(value))) ? format.number(Number(value)) : String(value ?? '—')}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {result.lines.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">{t('incentives.lines')}</caption>
            <thead><tr><th scope="col">{t('incentives.line')}</th><th scope="col">{t('incentives.how')}</th><th scope="col" className="num">{t('incentives.amount')}</th></tr></thead>
            <tbody>
              {result.lines.map((line) => (
                <tr key={line.id}>
                  <td>{pick(program?.lines?.find((l) => l.id === line.id)?.label, line.id)}</td>
                  <td>{formula(line)}</td>
                  <td className="num">{format.money(Number(line.amount), result.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** My incentive statement for a period: each program's amount and how each line was reached. */
export function IncentivesPage() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [period, setPeriod] = useState(() => quarterOf(new Date(), -1));
  const [programs] = useLoad(() => incentives.programs(PORTAL.app), []);
  const [statement] = useLoad(() => incentives.statement(PORTAL.app, period), [period]);
  const known = programs.state === 'ready' ? programs.value : [];
  const results = statement.state === 'ready' ? statement.value.subjects[0]?.results ?? [] : [];
  const formula = useLineFormula();

  function download() {
    const rows = results.flatMap((r) => {
      const label = pick(known.find((p) => p.id === r.program)?.label, r.program);
      return r.lines.map((line) => ({ program: label, line: line.id, formula: formula(line), amount: line.amount, currency: r.currency }));
    });
    const csv = statementCsv([t('incentives.program'), t('incentives.line'), t('incentives.how'), t('incentives.amount'), t('incentives.currency')], rows);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = `statement-${period}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <>
      <header className="page-header">
        <h1>{t('incentives.title')}</h1>
        <div className="toolbar">
          <label className="stacked">
            <span>{t('incentives.period')}</span>
            <input value={period} pattern="\d{4}-Q[1-4]" onChange={(e) => setPeriod(e.target.value)} />
          </label>
          {results.length > 0 ? <button type="button" onClick={download}>{t('incentives.download')}</button> : null}
        </div>
      </header>
      {statement.state === 'ready' ? (
        results.length === 0 ? <p className="card">{t('incentives.nothing')}</p>
          : results.map((r) => <ProgramCard key={r.program} result={r} program={known.find((p) => p.id === r.program)} />)
      ) : statement.state === 'missing' || statement.state === 'failed' ? <p className="card">{t('incentives.noStatement', { period })}</p> : <NotReady loaded={statement} />}
    </>
  );
}
