import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import { Explanation } from './Explanation.js';
import { formatAmount } from './format-amount.js';
import { useRunPrograms } from './use-programs.js';
import { RunCharts } from './RunCharts.js';
import { isFinished, nextStep, type Run, type RunResult } from './types.js';

const POLL_MS = 400;
const RESULTS_LIMIT = 500;

/** One run: progress while it computes, then its results, charts, a subject's explanation, approval steps and export. */
export function RunPanel({ appId, runId, onChanged }: { appId: string; runId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const [run, setRun] = useState<Run | null>(null);
  const [results, setResults] = useState<readonly RunResult[] | null>(null);
  const [explained, setExplained] = useState<RunResult | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [programFilter, setProgramFilter] = useState('');
  const base = `/apps/${appId}/incentives/runs/${runId}`;

  useEffect(() => {
    let live = true;
    const poll = async () => {
      try {
        let current = await api<Run>('GET', base);
        while (live && !isFinished(current.status)) {
          setRun(current);
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          current = await api<Run>('GET', base);
        }
        if (!live) return;
        setRun(current);
        const page = await api<{ items: RunResult[] }>('GET', `${base}/results?limit=${RESULTS_LIMIT}`);
        if (live) setResults(page.items);
        onChanged();
      } catch (error) {
        if (live) setProblems(problemsOf(error));
      }
    };
    void poll();
    return () => {
      live = false;
    };
  }, [base]);

  const programs = useRunPrograms(appId, run, setProblems);
  const programLabel = (id: string) => { const label = programs.get(id)?.label; return label === undefined ? id : pick(label); };
  const shown = results?.filter((r) => programFilter === '' || r.program === programFilter) ?? null;
  const step = run === null ? null : nextStep(run.status);
  const takeStep = () => {
    if (step === null) return;
    setProblems([]);
    api<Run>('POST', `${base}/${step}`).then((next) => { setRun(next); onChanged(); }, (error: unknown) => setProblems(problemsOf(error)));
  };
  const explain = (r: RunResult) => {
    api<RunResult>('GET', `${base}/results/${encodeURIComponent(r.program)}/${encodeURIComponent(r.subject)}`).then(setExplained, (error: unknown) => setProblems(problemsOf(error)));
  };

  return (
    <div className="column">
      <section className="panel" aria-labelledby="run-title">
        <h2 id="run-title">{run === null ? t('admin.common.loading') : t('admin.incentives.run', { period: run.period })}</h2>
        {run !== null && (
          <>
            <p data-testid="run-status">{t('admin.incentives.statusIs', { status: t(`admin.incentives.statuses.${run.status}`) })}</p>
            <div className="import-progress">
              <progress aria-label={t('admin.incentives.progress')} value={run.progress.done} max={Math.max(run.progress.total, 1)} />
              <span className="muted">{t('admin.incentives.progressText', { done: run.progress.done, total: run.progress.total })}</span>
            </div>
            <div className="toolbar">
              {step !== null && <button type="button" onClick={takeStep}>{t(`admin.incentives.steps.${step}`)}</button>}
              {isFinished(run.status) && <a className="button" href={`/api${base}/export?format=csv&locale=${locale}`} download>{t('admin.records.exportCsv')}</a>}
              {isFinished(run.status) && <a className="button" href={`/api${base}/export?format=xlsx&locale=${locale}`} download>{t('admin.records.exportXlsx')}</a>}
            </div>
          </>
        )}
        <div role="alert"><ProblemList problems={problems} showPaths /></div>
      </section>
      {run !== null && results !== null && <RunCharts appId={appId} run={run} results={results} />}
      {explained !== null && <Explanation result={explained} program={programs.get(explained.program)} />}
      {run !== null && shown !== null && (
        <section className="panel" aria-labelledby="run-results">
          <h2 id="run-results">{t('admin.incentives.results', { count: shown.length })}</h2>
          {run.programs.length > 1 && (
            <label className="field">{t('admin.incentives.filterProgram')}
              <select value={programFilter} onChange={(e) => setProgramFilter(e.target.value)}>
                <option value="">{t('admin.incentives.allPrograms')}</option>
                {run.programs.map((p) => <option key={p.id} value={p.id}>{programLabel(p.id)}</option>)}
              </select>
            </label>
          )}
          <div className="table-scroll">
            <table className="records-table">
              <thead><tr><th>{t('admin.incentives.subject')}</th><th>{t('admin.incentives.program')}</th><th>{t('admin.incentives.eligible')}</th><th>{t('admin.incentives.amount')}</th></tr></thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={`${r.program}/${r.subject}`} data-subject={r.subject} data-program={r.program}>
                    <td><button type="button" className="link" onClick={() => explain(r)}>{r.subject}</button></td>
                    <td>{programLabel(r.program)}</td>
                    <td>{r.eligible ? t('admin.incentives.yes') : t('admin.incentives.no')}</td>
                    <td className="amount">{formatAmount(r.amount, r.currency, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
