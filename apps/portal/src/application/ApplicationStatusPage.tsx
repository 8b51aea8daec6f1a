import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { latestInstance, myOpenTaskOn } from '../api/flows.js';
import { records } from '../api/records.js';
import { FieldList, FieldValue } from '../common/FieldValue.js';
import { NotReady } from '../common/Status.js';
import { useLoad } from '../common/useLoad.js';
import { useLocale } from '../i18n/i18n.js';
import { PORTAL } from '../config.js';
import { isEditable } from './ApplicationEditPage.js';
import { FlowProgress } from './FlowProgress.js';
import { loadEntity } from './useEntity.js';

const config = PORTAL.application;

/** An application as submitted: where it stands, what the reviewers said, and what to do next. */
export function ApplicationStatusPage() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const { id = '' } = useParams();
  const [loaded] = useLoad(async () => ({
    definition: await loadEntity(config.entity),
    record: await records.get(PORTAL.app, config.entity, id),
    instance: await latestInstance(PORTAL.app, id),
    task: await myOpenTaskOn(id, ['resubmit', 'form']),
  }), [id]);
  if (loaded.state !== 'ready') return <NotReady loaded={loaded} />;
  const { definition, record, instance, task } = loaded.value;
  return (
    <>
      <header className="page-header">
        <h1>{t('status.title')}</h1>
        <p>
          {t('home.status')}: <strong className="badge" data-testid="application-status">
            <FieldValue field={config.statusField} value={record.data[config.statusField]} />
          </strong>
        </p>
      </header>
      {task?.kind === 'resubmit' ? (
        <p><Link className="button primary" to={`/applications/${record.id}/edit`}>{t('status.correct')}</Link></p>
      ) : task?.kind === 'form' ? (
        <p><Link className="button primary" to={`/tasks/${task.id}`}>{pick(task.label)}</Link></p>
      ) : isEditable(record.data) ? (
        <p><Link className="button primary" to={`/applications/${record.id}/edit`}>{t('home.continue')}</Link></p>
      ) : null}
      {instance !== null ? <FlowProgress instance={instance} /> : null}
      <section className="card" aria-labelledby="status-summary">
        <h2 id="status-summary">{t('status.summary')}</h2>
        <FieldList definition={definition} data={record.data} fields={config.summaryFields} />
      </section>
    </>
  );
}
