import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, Problem } from '@trellis/errors';
import { api, problemsOf } from '../api/client.js';
import type { AppSummary } from '../api/types.js';
import { ProblemList } from '../common/ProblemList.js';
import { FormBuilderScreen } from '../builder/FormBuilderScreen.js';
import { useLocale } from '../i18n/i18n.js';
import { useApps } from '../app-data/use-apps.js';
import { hrefOf } from '../shell/hash-route.js';
import type { RouteProps } from '../shell/routes.js';
import { AppScreen } from './AppScreen.js';
import { NewItemForm } from './NewItemForm.js';

/** `#/apps` lists the apps, `#/apps/ID` opens one, `#/apps/ID/forms/ENTITY` its form builder. */
export function AppsScreen({ params }: RouteProps) {
  const [appId, section, id] = params;
  if (appId === undefined) return <AppList />;
  if (section === 'forms' && id !== undefined) return <FormBuilderScreen key={`${appId}/${id}`} appId={appId} entityId={id} />;
  return <AppScreen key={appId} appId={appId} />;
}

function AppList() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const { apps } = useApps(setProblems);
  const create = (id: string, label: LocalizedText) => {
    api<AppSummary>('POST', '/apps', { id, label }).then(
      () => {
        window.location.hash = hrefOf('apps', id);
      },
      (error: unknown) => setProblems(problemsOf(error)),
    );
  };
  return (
    <div className="screen apps">
      <header className="screen-header"><h1>{t('workspace.apps.title')}</h1></header>
      <div className="columns">
        <section className="panel" aria-labelledby="app-list-title">
          <h2 id="app-list-title">{t('workspace.apps.list')}</h2>
          {apps === null ? <p className="muted">{t('workspace.loading')}</p> : apps.length === 0 ? <p className="muted">{t('workspace.apps.none')}</p> : (
            <ul className="link-list">
              {apps.map((a) => <li key={a.id}><a href={hrefOf('apps', a.id)}>{pick(a.label)}</a> <code>{a.id}</code></li>)}
            </ul>
          )}
        </section>
        <NewItemForm id="new-app-title" title={t('workspace.apps.new')} idLabel={t('workspace.apps.id')} submit={t('workspace.apps.create')} onCreate={create}>
          <div role="alert"><ProblemList problems={problems} showPaths /></div>
        </NewItemForm>
      </div>
    </div>
  );
}
