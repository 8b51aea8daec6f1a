import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { flows, myOpenTaskOn } from '../api/flows.js';
import { records } from '../api/records.js';
import { useMe } from '../api/session.js';
import { NotReady } from '../common/Status.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { RecordWizard } from '../forms/RecordWizard.js';
import { prefill } from './prefill.js';
import { loadEntity } from './useEntity.js';

const { app } = PORTAL;
const config = PORTAL.application;

/** The organisation's application, if it has started one (a partner files one). */
export async function ownApplication() {
  const page = await records.list(app, config.entity, { sort: [{ field: '$updatedAt', direction: 'desc' }], limit: 1 });
  return page.items[0] ?? null;
}

export function isEditable(data: Record<string, unknown>): boolean {
  const status = data[config.statusField];
  return status === undefined || config.editableStatuses.includes(String(status));
}

function Heading() {
  const { t } = useTranslation();
  return (
    <header className="page-header">
      <h1>{t('application.title')}</h1>
      <p className="muted">{t('application.intro')}</p>
    </header>
  );
}

/** Starting the application; an organisation that already has one continues it instead. */
export function ApplicationNewPage() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [loaded] = useLoad(async () => ({ definition: await loadEntity(config.entity), existing: await ownApplication() }), []);
  if (loaded.state !== 'ready') return <NotReady loaded={loaded} />;
  const { definition, existing } = loaded.value;
  if (existing !== null) return <Navigate to={`/applications/${existing.id}${isEditable(existing.data) ? '/edit' : ''}`} replace />;
  const initial = prefill(config.prefill, {
    $user: { id: me.id, username: me.username, partnerOrg: me.partnerOrg },
    $org: me.partnerOrgDetails,
  });
  return (
    <>
      <Heading />
      <RecordWizard app={app} definition={definition} pages={config.pages} me={me} record={null} initial={initial}
        submitChanges={config.submit}
        onSaved={(saved, state) => navigate(`/applications/${saved.id}/edit${location.search}`, { replace: true, state })}
        onSubmitted={(saved) => navigate(`/applications/${saved.id}`)} />
    </>
  );
}

/** Continuing (or correcting) a saved application. */
export function ApplicationEditPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [loaded] = useLoad(async () => ({
    definition: await loadEntity(config.entity),
    record: await records.get(app, config.entity, id),
    // a returned application is corrected through the flow's resubmission task
    correction: await myOpenTaskOn(id, ['resubmit']),
  }), [id]);
  if (loaded.state !== 'ready') return <NotReady loaded={loaded} />;
  const { definition, record, correction } = loaded.value;
  if (correction === null && !isEditable(record.data)) return <Navigate to={`/applications/${record.id}`} replace />;
  return (
    <>
      <Heading />
      <RecordWizard key={record.id} app={app} definition={definition} pages={config.pages} me={me} record={record} initial={{}}
        submitChanges={config.submit}
        {...(correction === null ? {} : { resubmit: async (changes: Record<string, unknown>) => { await flows.act(correction.id, { type: 'submit', data: changes }); } })}
        onSaved={() => undefined}
        onSubmitted={(saved) => navigate(`/applications/${saved.id}`)} />
    </>
  );
}
