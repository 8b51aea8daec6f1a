import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { useApps } from '../../app-data/use-apps.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import { ImportReportView, type TemplateImportReport } from './ImportReportView.js';
import '../workspace.css';

/** Export an app as a template file; import one: read the dry-run report, then apply it. */
export function TemplatesScreen() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [template, setTemplate] = useState<unknown>(null);
  const [report, setReport] = useState<TemplateImportReport | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const { apps, reload: loadApps } = useApps(setProblems);
  const [fileError, setFileError] = useState<string | null>(null);

  const readFile = async (file: File | undefined) => {
    setReport(null);
    setProblems([]);
    setFileError(null);
    setTemplate(null);
    if (file === undefined) return;
    try {
      setTemplate(JSON.parse(await file.text()) as unknown);
    } catch (error) {
      setFileError(t('admin.templates.badJson', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const send = (dryRun: boolean) => {
    setProblems([]);
    api<TemplateImportReport>('POST', `/templates/import?dryRun=${String(dryRun)}`, template).then(
      (answer) => {
        setReport(answer);
        if (answer.applied) loadApps();
      },
      (error: unknown) => setProblems(problemsOf(error)),
    );
  };

  return (
    <div className="screen templates workspace">
      <header className="screen-header"><h1>{t('admin.templates.title')}</h1></header>
      <div className="columns">
        <section className="panel" aria-labelledby="template-export">
          <h2 id="template-export">{t('admin.templates.export')}</h2>
          <p className="muted">{t('admin.templates.exportHint')}</p>
          <ul className="template-apps">
            {(apps ?? []).map((a) => (
              <li key={a.id}>
                {pick(a.label)} <a className="button" href={`/api/apps/${encodeURIComponent(a.id)}/template`} download data-app={a.id}>{t('admin.templates.export')}</a>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel" aria-labelledby="template-import">
          <h2 id="template-import">{t('admin.templates.import')}</h2>
          <label className="field">
            <span>{t('admin.templates.file')}</span>
            <input type="file" accept=".json,application/json" aria-label={t('admin.templates.file')} onChange={(e) => void readFile(e.target.files?.[0])} />
          </label>
          {fileError !== null && <p className="problems error" role="alert">{fileError}</p>}
          <div className="toolbar">
            <button type="button" disabled={template === null} onClick={() => send(true)}>{t('admin.templates.dryRun')}</button>
            <button type="button" disabled={template === null || report === null || !report.ok || report.applied} onClick={() => send(false)}>{t('admin.templates.apply')}</button>
          </div>
          <div role="alert"><ProblemList problems={problems} showPaths /></div>
          {report !== null && <ImportReportView report={report} />}
        </section>
      </div>
    </div>
  );
}
