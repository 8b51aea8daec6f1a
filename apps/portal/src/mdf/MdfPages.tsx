import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { records } from '../api/records.js';
import { useMe } from '../api/session.js';
import { FieldValue, useFieldLabel } from '../common/FieldValue.js';
import { NotReady } from '../common/Status.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { RecordWizard } from '../forms/RecordWizard.js';
import { OpenTask, RecordInFlow } from '../application/RecordInFlow.js';
import { prefill } from '../application/prefill.js';
import { loadEntity } from '../application/useEntity.js';

const config = PORTAL.mdf;

/** My organisation's marketing fund requests, newest first, and a way to file one. */
export function MdfListPage() {
  const { t } = useTranslation();
  const [loaded] = useLoad(async () => ({
    definition: await loadEntity(config.entity),
    page: await records.list(PORTAL.app, config.entity, { sort: [{ field: '$updatedAt', direction: 'desc' }], limit: 100 }),
  }), []);
  if (loaded.state !== 'ready') return <NotReady loaded={loaded} />;
  const { definition, page } = loaded.value;
  return (
    <>
      <header className="page-header">
        <h1>{t('mdf.title')}</h1>
        <Link className="button primary" to="/mdf/new">{t('mdf.new')}</Link>
      </header>
      {page.items.length === 0 ? <p className="card">{t('mdf.none')}</p> : (
        <ul className="task-list">
          {page.items.map((r) => (
            <li key={r.id} className="card">
              <Link to={`/mdf/${r.id}`}>{String(r.data.activityName ?? r.data.requestNo ?? r.id)}</Link>
              <p className="muted"><MdfLine definition={definition} data={r.data} /></p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function MdfLine({ definition, data }: { definition: Awaited<ReturnType<typeof loadEntity>>; data: Record<string, unknown> }) {
  const label = useFieldLabel(definition);
  return (
    <>
      {config.listFields.filter((f) => f !== 'activityName' && data[f] !== undefined).map((f, i) => (
        <span key={f}>{i > 0 ? ' · ' : ''}{label(f)}: <FieldValue field={f} value={data[f]} /></span>
      ))}
    </>
  );
}

export function MdfNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [loaded] = useLoad(() => loadEntity(config.entity), []);
  if (loaded.state !== 'ready') return <NotReady loaded={loaded} />;
  const initial = prefill(config.prefill, {
    $user: { id: me.id, username: me.username, partnerOrg: me.partnerOrg },
    $org: me.partnerOrgDetails,
    $stamp: String(Math.floor(Date.now() / 60_000)),
  });
  return (
    <>
      <header className="page-header"><h1>{t('mdf.new')}</h1></header>
      <RecordWizard app={PORTAL.app} definition={loaded.value} pages={config.pages} me={me} record={null} initial={initial}
        submitChanges={config.submit} submitLabel={t('mdf.submit')}
        onSaved={() => undefined} onSubmitted={(saved) => navigate(`/mdf/${saved.id}`)} />
    </>
  );
}

/** One request: its figures, where it stands in its flow, and my task on it (a claim with proof). */
export function MdfDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RecordInFlow entity={config.entity} id={id} taskKinds={['form', 'resubmit']} statusField={config.statusField}
      statusTestId="mdf-status" title={(record) => String(record.data.activityName ?? t('mdf.title'))}
      summaryTitle={t('mdf.request')} summaryFields={config.listFields}
      action={(_record, task) => (task !== null ? <OpenTask task={task} /> : null)} />
  );
}
