import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { currentAppId } from '../../app-data/current-app.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import type { RouteProps } from '../../shell/routes.js';
import { hrefOf } from '../../shell/hash-route.js';
import '../workspace.css';
import { RunPanel } from './RunPanel.js';
import type { Run } from './types.js';
import { formatTime } from '../format-time.js';

/** `#/incentives[/RUN]`: the current app's incentive runs; start one for a period; one run's progress and results. */
export function IncentivesScreen({ params }: RouteProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const appId = currentAppId();
  const [selected] = params;
  const [runs, setRuns] = useState<readonly Run[] | null>(null);
  const [period, setPeriod] = useState('');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const load = useCallback(() => {
    if (appId !== null) api<{ items: Run[] }>('GET', `/apps/${appId}/incentives/runs`).then((x) => setRuns(x.items), (error: unknown) => setProblems(problemsOf(error)));
  }, [appId]);
  useEffect(load, [load]);
  if (appId === null) return <div className="screen workspace"><h1>{t('admin.incentives.title')}</h1><p className="muted"><a href={hrefOf('apps')}>{t('admin.incentives.openApp')}</a></p></div>;

  const start = () => {
    setProblems([]);
    api<Run>('POST', `/apps/${appId}/incentives/runs`, { period: period.trim() }).then((run) => {
      load();
      window.location.hash = hrefOf('incentives', run.id);
    }, (error: unknown) => setProblems(problemsOf(error)));
  };
  return (
    <div className="screen incentives workspace">
      <header className="screen-header"><h1>{t('admin.incentives.title')}</h1></header>
      <div className="columns">
        <div className="column">
          <section className="panel" aria-labelledby="runs-start">
            <h2 id="runs-start">{t('admin.incentives.start')}</h2>
            <form className="inline" onSubmit={(e) => { e.preventDefault(); start(); }}>
              <input aria-label={t('admin.incentives.period')} placeholder="2026-Q2" value={period} onChange={(e) => setPeriod(e.target.value)} />
              <button type="submit" disabled={period.trim() === ''}>{t('admin.incentives.startRun')}</button>
            </form>
            <p className="muted">{t('admin.incentives.periodHint')}</p>
            <div role="alert"><ProblemList problems={problems} showPaths /></div>
          </section>
          <section className="panel" aria-labelledby="runs-list">
            <h2 id="runs-list">{t('admin.incentives.runs')}</h2>
            {runs === null ? <p className="muted">{t('admin.common.loading')}</p> : runs.length === 0 ? <p className="muted">{t('admin.incentives.noRuns')}</p> : (
              <table className="records-table">
                <thead><tr><th>{t('admin.incentives.period')}</th><th>{t('admin.incentives.status')}</th><th>{t('admin.incentives.created')}</th></tr></thead>
                <tbody>
                  {runs.map((r) => (
                    <tr key={r.id} data-run={r.id} aria-selected={r.id === selected}>
                      <td><a href={hrefOf('incentives', r.id)}>{r.period}</a></td>
                      <td>{t(`admin.incentives.statuses.${r.status}`)}</td>
                      <td><time dateTime={r.createdAt}>{formatTime(r.createdAt, locale)}</time></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
        {selected !== undefined && <RunPanel key={selected} appId={appId} runId={selected} onChanged={load} />}
      </div>
    </div>
  );
}
