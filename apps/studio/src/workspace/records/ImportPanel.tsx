import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import { uploadFile } from '../upload.js';

interface ImportReport {
  readonly dryRun: boolean;
  readonly total: number;
  readonly valid: number;
  readonly invalid: number;
  readonly created: number;
  readonly applied: boolean;
  readonly rows: readonly { readonly row: number; readonly errors: readonly Problem[] }[];
}

interface ImportJob {
  readonly id: string;
  readonly state: 'running' | 'done' | 'failed';
  readonly processed: number;
  readonly total: number;
  readonly report?: ImportReport;
  readonly problems?: readonly Problem[];
}

const POLL_MS = 250;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Upload a CSV or XLSX file: a background job with a progress bar, then the per-row report. */
export function ImportPanel({ appId, entityId, onImported }: { appId: string; entityId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);

  const start = async (dryRun: boolean) => {
    if (file === null) return;
    setProblems([]);
    try {
      let current = await uploadFile<ImportJob>(`/apps/${appId}/records/${entityId}/import?background=true&dryRun=${String(dryRun)}`, file);
      setJob(current);
      while (current.state === 'running') {
        await wait(POLL_MS);
        current = await api<ImportJob>('GET', `/apps/${appId}/imports/${current.id}`);
        setJob(current);
      }
      if (current.report?.applied === true) onImported();
    } catch (error) {
      setProblems(problemsOf(error));
    }
  };

  const report = job?.report;
  return (
    <section className="panel" aria-labelledby="records-import">
      <h2 id="records-import">{t('admin.import.title')}</h2>
      <label className="field">
        <span>{t('admin.import.file')}</span>
        <input type="file" accept=".csv,.xlsx" aria-label={t('admin.import.file')} onChange={(e) => { setFile(e.target.files?.[0] ?? null); setJob(null); }} />
      </label>
      <div className="toolbar">
        <button type="button" disabled={file === null || job?.state === 'running'} onClick={() => void start(true)}>{t('admin.import.check')}</button>
        <button type="button" disabled={file === null || job?.state === 'running'} onClick={() => void start(false)}>{t('admin.import.run')}</button>
      </div>
      {job !== null && (
        <div className="import-progress">
          <progress aria-label={t('admin.import.progress')} value={job.processed} max={Math.max(job.total, 1)} />
          <span className="muted">{t('admin.import.processed', { processed: job.processed, total: job.total })}</span>
        </div>
      )}
      <div role="alert"><ProblemList problems={[...problems, ...(job?.problems ?? [])]} showPaths /></div>
      {report !== undefined && (
        <div className="import-report" data-testid="import-report">
          <p>{t('admin.import.summary', { total: report.total, valid: report.valid, invalid: report.invalid, created: report.created })}</p>
          <p className={report.applied ? 'ok' : 'muted'}>{report.dryRun ? t('admin.import.dryRun') : report.applied ? t('admin.import.applied') : t('admin.import.notApplied')}</p>
          {report.rows.some((r) => r.errors.length > 0) && (
            <table className="row-errors">
              <thead><tr><th>{t('admin.import.row')}</th><th>{t('admin.import.field')}</th><th>{t('admin.import.error')}</th></tr></thead>
              <tbody>
                {report.rows.flatMap((r) => r.errors.map((e, i) => (
                  <tr key={`${r.row}-${i}`} data-row={r.row}><td>{r.row}</td><td><code>{e.path}</code></td><td>{pick(e.message)}</td></tr>
                )))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
