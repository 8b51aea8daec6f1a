import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../api/session.js';
import { FieldValue } from '../common/FieldValue.js';
import { NotReady } from '../common/Status.js';
import { useLoad } from '../common/useLoad.js';
import { PORTAL } from '../config.js';
import { isEditable, ownApplication } from '../application/ApplicationEditPage.js';

/** Where a partner starts: the application (to begin, continue or follow) and the shortcuts. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [loaded] = useLoad(ownApplication, []);
  if (loaded.state !== 'ready') return <NotReady loaded={loaded} />;
  const application = loaded.value;
  const status = application?.data[PORTAL.application.statusField];
  return (
    <>
      <header className="page-header">
        <h1>{t('home.title', { name: me.partnerOrgDetails?.name ?? me.displayName })}</h1>
      </header>
      <section className="card" aria-labelledby="home-application">
        <h2 id="home-application">{t('home.application')}</h2>
        {application === null ? (
          <>
            <p>{t('home.noApplication')}</p>
            <Link className="button primary" to="/applications/new">{t('home.start')}</Link>
          </>
        ) : (
          <>
            <p>
              {t('home.status')}: <strong className="badge"><FieldValue field={PORTAL.application.statusField} value={status} /></strong>
            </p>
            <p className="actions">
              {isEditable(application.data)
                ? <Link className="button primary" to={`/applications/${application.id}/edit`}>{t('home.continue')}</Link>
                : null}
              <Link className="button" to={`/applications/${application.id}`}>{t('home.follow')}</Link>
            </p>
          </>
        )}
      </section>
    </>
  );
}
