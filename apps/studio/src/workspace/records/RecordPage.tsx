import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import type { SampleEntity } from '../../sample/template.js';
import { hrefOf } from '../../shell/hash-route.js';
import { columnsOf, fieldText } from './entity-columns.js';
import { useUserNames } from './user-names.js';
import type { EntityLayout } from './entity-layout.js';
import { changedFields } from './history.js';
import { formatTime } from '../format-time.js';
import { StartFlow } from './StartFlow.js';

interface StoredRecord {
  readonly id: string;
  readonly revision: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  readonly data: Record<string, unknown>;
}

interface HistoryEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

interface Instance {
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly status: 'running' | 'completed' | 'withdrawn';
  readonly outcome?: string | null;
  readonly startedAt: string;
}

type Loaded = { record: StoredRecord; history: readonly HistoryEntry[]; flows: readonly Instance[] };

/** The record's name by the form's title field, when it has one and the record fills it. */
function titleOf(loaded: Loaded | null, layout: EntityLayout): string | null {
  const value = layout.titleField === null ? undefined : loaded?.record.data[layout.titleField];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** One record: its data, its audit history as a timeline, and the flows it is in. */
export function RecordPage({ appId, entity, layout, recordId }: { appId: string; entity: SampleEntity; layout: EntityLayout; recordId: string }) {
  const { t } = useTranslation();
  const { pick, locale } = useLocale();
  const columns = useMemo(() => columnsOf(entity, layout), [entity, layout]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const nameOf = useUserNames();
  // bumped when a flow is started here, to read the record's flows again
  const [reads, setReads] = useState(0);
  useEffect(() => {
    const base = `/apps/${appId}/records/${entity.id}/${recordId}`;
    Promise.all([
      api<StoredRecord>('GET', base),
      api<{ items: HistoryEntry[] }>('GET', `${base}/history`),
      api<{ items: Instance[] }>('GET', `/apps/${appId}/flow-instances?recordId=${encodeURIComponent(recordId)}`),
    ]).then(([record, history, flows]) => setLoaded({ record, history: history.items, flows: flows.items }), (error: unknown) => setProblems(problemsOf(error)));
  }, [appId, entity.id, recordId, reads]);

  const label = (key: string) => {
    const column = columns.find((c) => c.key === key);
    return column === undefined ? key : pick(column.label);
  };
  return (
    <div className="screen record workspace">
      <header className="screen-header">
        <p className="crumbs">
          <a href={hrefOf('records', appId)}>{t('admin.records.entities', { app: appId })}</a> / <a href={hrefOf('records', appId, entity.id)}>{pick(entity.label)}</a> /
        </p>
        <h1>{t('admin.record.title', { id: titleOf(loaded, layout) ?? recordId })}</h1>
        {loaded !== null && <p className="muted">{t('admin.record.meta', { revision: loaded.record.revision, at: formatTime(loaded.record.updatedAt, locale), by: nameOf(loaded.record.updatedBy) })}</p>}
      </header>
      <div role="alert"><ProblemList problems={problems} /></div>
      {loaded === null ? (problems.length === 0 && <p className="muted">{t('admin.common.loading')}</p>) : (
        <div className="columns">
          <section className="panel" aria-labelledby="record-data">
            <h2 id="record-data">{t('admin.record.data')}</h2>
            <dl className="record-data">
              {columns.filter((c) => loaded.record.data[c.key] !== undefined).map((c) => (
                <div key={c.key} data-field={c.key}><dt>{pick(c.label)}</dt><dd>{fieldText(loaded.record.data[c.key], layout.optionLabels[c.key], pick)}</dd></div>
              ))}
            </dl>
          </section>
          <div className="column">
            <section className="panel" aria-labelledby="record-history">
              <h2 id="record-history">{t('admin.record.history')}</h2>
              {loaded.history.length === 0 ? <p className="muted">{t('admin.record.noHistory')}</p> : (
                <ol className="timeline">
                  {loaded.history.map((h) => {
                    // a creation or deletion changes every field: listing them says nothing
                    const changed = h.before == null || h.after == null ? [] : changedFields(h.before, h.after);
                    const verb = h.action.split('.').at(-1) ?? h.action;
                    return (
                      <li key={h.id} data-action={h.action}>
                        <strong>{t(`admin.record.action.${verb}`, { defaultValue: h.action })}</strong> <time dateTime={h.at}>{formatTime(h.at, locale)}</time> · <span className="actor">{nameOf(h.actor)}</span>
                        {changed.length > 0 && <p className="muted">{t('admin.record.changed', { fields: changed.map(label).join(', ') })}</p>}
                      </li>
                    );
                  })}
                </ol>
              )}
            </section>
            <section className="panel" aria-labelledby="record-flows">
              <h2 id="record-flows">{t('admin.record.flows')}</h2>
              {loaded.flows.length === 0 ? <p className="muted">{t('admin.record.noFlows')}</p> : (
                <ul>{loaded.flows.map((f) => (
                  <li key={f.id} data-instance={f.id} data-flow={f.flowId}>
                    <code>{f.flowId}</code> v{f.flowVersion} · <span className="instance-status">{t(`admin.record.instanceStatus.${f.status}`)}</span>
                    {f.outcome != null && <> · <span className="instance-outcome">{t('admin.record.outcome', { outcome: f.outcome })}</span></>}
                    {' · '}<time dateTime={f.startedAt}>{formatTime(f.startedAt, locale)}</time>
                  </li>
                ))}</ul>
              )}
              <StartFlow appId={appId} entity={entity.id} recordId={recordId} onStarted={() => setReads((n) => n + 1)} />
            </section>
          </div>
        </div>
      )}
    </div>
  );
}
