import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, Problem } from '@trellis/errors';
import { api, problemsOf } from '../api/client.js';
import type { DefinitionSummary } from '../api/types.js';
import { rememberApp } from '../app-data/current-app.js';
import { useApps } from '../app-data/use-apps.js';
import { toDefinition } from '../builder/to-definition.js';
import { emptyForm } from '../builder/model.js';
import { emptyFlow } from '../flows/model/empty-flow.js';
import { ProblemList } from '../common/ProblemList.js';
import { useLocale } from '../i18n/i18n.js';
import { hrefOf } from '../shell/hash-route.js';
import { NewItemForm } from './NewItemForm.js';

/** One app: its definitions by kind, with their versions and drafts; new forms and flows start here. */
export function AppScreen({ appId }: { appId: string }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [definitions, setDefinitions] = useState<readonly DefinitionSummary[] | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const app = useApps(setProblems).apps?.find((a) => a.id === appId) ?? null;
  useEffect(() => {
    rememberApp(appId);
    api<DefinitionSummary[]>('GET', `/apps/${appId}/definitions`).then(setDefinitions, (error: unknown) => setProblems(problemsOf(error)));
  }, [appId]);

  const createDraft = (kind: string, id: string, body: unknown, href: string) => {
    api('PUT', `/apps/${appId}/definitions/${kind}/${id}/draft`, body).then(
      () => {
        window.location.hash = href;
      },
      (error: unknown) => setProblems(problemsOf(error)),
    );
  };
  const createForm = (id: string, label: LocalizedText) => createDraft('entity', id, toDefinition(emptyForm(id, label)), hrefOf('apps', appId, 'forms', id));
  // the flow designer opens the flows of the app remembered above
  const createFlow = (entity: string) => (id: string, label: LocalizedText) => createDraft('flow', id, emptyFlow(id, label, entity), hrefOf('flows', id));
  const entities = (definitions ?? []).filter((d) => d.kind === 'entity' && d.latestVersion !== null);

  const kinds = [...new Set((definitions ?? []).map((d) => d.kind))].sort();
  return (
    <div className="screen app">
      <header className="screen-header">
        <p className="crumbs"><a href={hrefOf('apps')}>{t('workspace.apps.title')}</a> /</p>
        <h1>{app === null ? appId : pick(app.label)}</h1>
      </header>
      <div role="alert"><ProblemList problems={problems} showPaths /></div>
      <div className="columns">
        <section className="panel" aria-labelledby="definitions-title">
          <h2 id="definitions-title">{t('workspace.app.definitions')}</h2>
          {definitions !== null && !definitions.some((d) => d.kind === 'entity') && <p className="muted">{t('workspace.app.none')}</p>}
          {definitions === null ? <p className="muted">{t('workspace.loading')}</p> : kinds.map((kind) => (
            <div key={kind}>
              <h3>{t(`workspace.kinds.${kind}`, { defaultValue: kind })}</h3>
              <table className="definitions">
                <tbody>
                  {definitions.filter((d) => d.kind === kind).map((d) => (
                    <tr key={d.id} data-definition={`${d.kind}/${d.id}`}>
                      <td>{d.kind === 'entity' ? <a href={hrefOf('apps', appId, 'forms', d.id)}>{d.id}</a> : <code>{d.id}</code>}</td>
                      <td>{d.latestVersion === null ? t('workspace.app.unpublished') : t('workspace.app.version', { version: d.latestVersion })}</td>
                      <td>{d.hasDraft ? <span className="badge">{t('workspace.app.draft')}</span> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
        <div className="column">
          <NewItemForm id="new-form-title" title={t('workspace.app.newForm')} idLabel={t('workspace.app.formId')} submit={t('workspace.app.createForm')} onCreate={createForm} />
          {entities.length > 0 && <NewFlowForm entities={entities.map((d) => d.id)} onCreate={createFlow} />}
        </div>
      </div>
    </div>
  );
}

/** Names a new flow and the entity its instances run on. */
function NewFlowForm({ entities, onCreate }: { entities: readonly string[]; onCreate: (entity: string) => (id: string, label: LocalizedText) => void }) {
  const { t } = useTranslation();
  const [entity, setEntity] = useState(entities[0] ?? '');
  return (
    <NewItemForm id="new-flow-title" title={t('workspace.app.newFlow')} idLabel={t('workspace.app.flowId')} submit={t('workspace.app.createFlow')} onCreate={onCreate(entity)}>
      <label className="stacked">
        <span>{t('workspace.app.flowEntity')}</span>
        <select value={entity} onChange={(e) => setEntity(e.target.value)}>{entities.map((id) => <option key={id} value={id}>{id}</option>)}</select>
      </label>
    </NewItemForm>
  );
}
