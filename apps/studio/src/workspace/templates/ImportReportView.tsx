import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { ProblemList } from '../../common/ProblemList.js';

type Status = 'new' | 'changed' | 'unchanged' | 'conflicting';

export interface TemplateImportReport {
  readonly ok: boolean;
  readonly appId: string | null;
  readonly applied: boolean;
  readonly plan: {
    readonly items: readonly { readonly kind: string; readonly id: string; readonly status: Status; readonly changes?: readonly string[]; readonly conflicts?: readonly Problem[] }[];
    readonly counts: Readonly<Record<Status, number>>;
  } | null;
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
  readonly records: Readonly<Record<string, number>>;
}

/** The dry-run (or apply) report of a template import: each definition's status and what blocks it. */
export function ImportReportView({ report }: { report: TemplateImportReport }) {
  const { t } = useTranslation();
  const records = Object.entries(report.records);
  return (
    <div className="template-report" data-testid="template-report">
      <h3>{t('admin.templates.plan', { app: report.appId ?? '?' })}</h3>
      {report.plan !== null && <p data-testid="template-counts">{t('admin.templates.counts', report.plan.counts)}</p>}
      <p className={report.ok ? 'ok' : 'problems error'}>
        {report.applied ? t('admin.templates.applied', { app: report.appId ?? '' }) : report.ok ? t('admin.templates.ready') : t('admin.templates.blocked')}
      </p>
      <ProblemList problems={[...report.problems, ...report.warnings]} showPaths />
      {records.length > 0 && <p className="muted">{t('admin.templates.records', { list: records.map(([e, n]) => `${e} ${n}`).join(', ') })}</p>}
      {report.plan !== null && (
        <table className="plan">
          <thead><tr><th>{t('admin.templates.kind')}</th><th>{t('admin.templates.id')}</th><th>{t('admin.templates.status')}</th><th>{t('admin.templates.changes')}</th></tr></thead>
          <tbody>
            {report.plan.items.map((item) => (
              <tr key={`${item.kind}/${item.id}`} data-status={item.status}>
                <td>{item.kind}</td><td><code>{item.id}</code></td>
                <td><span className={`badge status-${item.status}`}>{t(`admin.templates.statuses.${item.status}`)}</span></td>
                <td>{(item.changes ?? []).join(', ')}<ProblemList problems={item.conflicts ?? []} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
