import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PORTAL } from '../config.js';
import { isEditable } from './ApplicationEditPage.js';
import { OpenTask, RecordInFlow } from './RecordInFlow.js';

const config = PORTAL.application;

/** An application as submitted: where it stands, what the reviewers said, and what to do next. */
export function ApplicationStatusPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RecordInFlow entity={config.entity} id={id} taskKinds={['resubmit', 'form']} statusField={config.statusField}
      statusTestId="application-status" title={() => t('status.title')} summaryTitle={t('status.summary')} summaryFields={config.summaryFields}
      action={(record, task) => (task?.kind === 'resubmit' ? (
        <p><Link className="button primary" to={`/applications/${record.id}/edit`}>{t('status.correct')}</Link></p>
      ) : task?.kind === 'form' ? (
        <OpenTask task={task} />
      ) : isEditable(record.data) ? (
        <p><Link className="button primary" to={`/applications/${record.id}/edit`}>{t('home.continue')}</Link></p>
      ) : null)} />
  );
}
