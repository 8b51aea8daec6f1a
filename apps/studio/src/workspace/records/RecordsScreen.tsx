import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import type { DefinitionVersion } from '../../api/types.js';
import { currentAppId, rememberApp } from '../../app-data/current-app.js';
import { loadAppData, type AppData } from '../../app-data/use-app-data.js';
import { useApps } from '../../app-data/use-apps.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import type { SampleEntity } from '../../sample/template.js';
import type { RouteProps } from '../../shell/routes.js';
import { hrefOf } from '../../shell/hash-route.js';
import { layoutOf, type EntityLayout } from './entity-layout.js';
import { RecordPage } from './RecordPage.js';
import { useOptionLabels } from './record-option-labels.js';
import { RecordsTable } from './RecordsTable.js';
import '../workspace.css';

/** `#/records/APP[/ENTITY[/ID]]`: an app's entities, an entity's records table, or one record. */
export function RecordsScreen({ params }: RouteProps) {
  const [appParam, entityId, recordId] = params;
  const appId = appParam ?? currentAppId();
  if (appId === null) return <AppPicker />;
  return <AppRecords key={appId} appId={appId} entityId={entityId} recordId={recordId} />;
}

function AppPicker() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const { apps } = useApps(setProblems);
  return (
    <div className="screen records workspace">
      <h1>{t('admin.common.pickApp')}</h1>
      <div role="alert"><ProblemList problems={problems} /></div>
      <ul>{(apps ?? []).map((a) => <li key={a.id}><a href={hrefOf('records', a.id)}>{pick(a.label)}</a></li>)}</ul>
    </div>
  );
}

/** The entity's form layout first (its field order), then its table or one of its records. */
function EntityRecords({ appId, entity, recordId }: { appId: string; entity: SampleEntity; recordId: string | undefined }) {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<EntityLayout | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const optionLabels = useOptionLabels(appId, entity.id, layout);
  const shown = useMemo(() => (layout === null ? null : { ...layout, optionLabels }), [layout, optionLabels]);
  useEffect(() => {
    api<DefinitionVersion>('GET', `/apps/${appId}/definitions/entity/${entity.id}`).then((d) => setLayout(layoutOf(d.body)), (error: unknown) => setProblems(problemsOf(error)));
  }, [appId, entity.id]);
  if (problems.length > 0) return <div role="alert"><ProblemList problems={problems} /></div>;
  if (shown === null) return <p className="muted">{t('admin.common.loading')}</p>;
  return recordId === undefined
    ? <RecordsTable key={entity.id} appId={appId} entity={entity} layout={shown} />
    : <RecordPage appId={appId} entity={entity} layout={shown} recordId={recordId} />;
}

function AppRecords({ appId, entityId, recordId }: { appId: string; entityId: string | undefined; recordId: string | undefined }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [data, setData] = useState<AppData | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  useEffect(() => {
    rememberApp(appId);
    loadAppData(appId).then(setData, (error: unknown) => setProblems(problemsOf(error)));
  }, [appId]);
  if (problems.length > 0) return <div role="alert"><ProblemList problems={problems} /></div>;
  if (data === null) return <p className="muted">{t('admin.common.loading')}</p>;
  const entity = data.entities.find((e) => e.id === entityId);
  if (entity !== undefined) return <EntityRecords appId={appId} entity={entity} recordId={recordId} />;
  return (
    <div className="screen records workspace">
      <header className="screen-header"><h1>{t('admin.records.entities', { app: appId })}</h1></header>
      <section className="panel" aria-label={t('admin.common.entities')}>
        <ul className="entity-list">
          {data.entities.map((e) => <li key={e.id}><a href={hrefOf('records', appId, e.id)}>{pick(e.label)}</a> <code>{e.id}</code></li>)}
        </ul>
      </section>
    </div>
  );
}
