import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { incentives, quarterOf, type CalculatorAnswer } from '../api/incentives.js';
import { isApiError } from '../api/problem.js';
import { useMe } from '../api/session.js';
import { NotReady } from '../common/Status.js';
import { useFormats } from '../common/useFormats.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { useLocale } from '../i18n/i18n.js';
import { useLineFormula } from './IncentivesPage.js';

/**
 * "If I sell X more this quarter…": the program's own formula on my actual figures plus what I
 * type, computed by the server exactly as a run would, with the difference to the actual figures.
 * The subject is my organisation (the programs' subject key is the organisation id).
 */
export function CalculatorPage() {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const format = useFormats();
  const formula = useLineFormula();
  const me = useMe();
  const [programs] = useLoad(() => incentives.programs(PORTAL.app), []);
  const [programId, setProgramId] = useState('');
  const [period, setPeriod] = useState(() => quarterOf(new Date()));
  const [adds, setAdds] = useState<Record<string, string>>({});
  const [answer, setAnswer] = useState<CalculatorAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (programs.state !== 'ready') return <NotReady loaded={programs} />;
  const program = programs.value.find((p) => p.id === programId) ?? programs.value[0];

  async function calculate(event: FormEvent) {
    event.preventDefault();
    if (program === undefined || me.partnerOrg === null) return;
    setError(null);
    try {
      const overrides = Object.fromEntries(Object.entries(adds).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, { add: v.trim() }]));
      setAnswer(await incentives.calculate(PORTAL.app, { program: program.id, period, subject: me.partnerOrg, overrides }));
    } catch (failure) {
      setAnswer(null);
      setError(isApiError(failure) && failure.problems[0] !== undefined ? failure.problems[0].message[locale] : t('calculator.failed'));
    }
  }

  return (
    <>
      <header className="page-header">
        <h1>{t('calculator.title')}</h1>
        <p className="muted">{t('calculator.intro')}</p>
      </header>
      <form className="card" onSubmit={(e) => void calculate(e)}>
        <label className="stacked">
          <span>{t('calculator.program')}</span>
          <select value={program?.id ?? ''} onChange={(e) => { setProgramId(e.target.value); setAdds({}); setAnswer(null); }}>
            {programs.value.map((p) => <option key={p.id} value={p.id}>{pick(p.label, p.id)}</option>)}
          </select>
        </label>
        <label className="stacked">
          <span>{t('incentives.period')}</span>
          <input value={period} onChange={(e) => setPeriod(e.target.value)} />
        </label>
        {program?.metrics.map((m) => (
          <label key={m.id} className="stacked">
            <span>{t('calculator.more', { metric: pick(m.label, m.id) })}</span>
            <input inputMode="decimal" value={adds[m.id] ?? ''} onChange={(e) => setAdds({ ...adds, [m.id]: e.target.value })} />
          </label>
        ))}
        <button type="submit" className="primary wide">{t('calculator.calculate')}</button>
      </form>
      {error !== null ? <p className="notice error" role="alert">{error}</p> : null}
      {answer !== null ? (
        <section className="card" aria-live="polite" aria-labelledby="calculator-result">
          <h2 id="calculator-result">{t('calculator.result')}</h2>
          <p className="amount" data-testid="calculator-total">{format.money(Number(answer.result.total))}</p>
          {answer.actual !== null ? (
            <p>{t('calculator.compared', { actual: format.money(Number(answer.actual.total)), difference: format.money(Number(answer.difference)) })}</p>
          ) : null}
          {!answer.result.eligible ? <p className="notice info">{t('incentives.notEligible')}</p> : null}
          <ul>{answer.result.lines.map((line) => <li key={line.id}>{formula(line)}</li>)}</ul>
        </section>
      ) : null}
    </>
  );
}
