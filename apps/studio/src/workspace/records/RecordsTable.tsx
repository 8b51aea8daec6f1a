import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkTree, fieldsOf, newGroup, updateAt, type ConditionTree, type Group } from '@trellis/conditions';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import { ConditionGroup } from '../../rules/ConditionGroup.js';
import type { SampleEntity } from '../../sample/template.js';
import { hrefOf } from '../../shell/hash-route.js';
import { columnsOf, fieldText } from './entity-columns.js';
import type { EntityLayout } from './entity-layout.js';
import { ImportPanel } from './ImportPanel.js';
import { listParams, nextSort, type TableQuery } from './list-query.js';
import { SavedViews } from './SavedViews.js';

interface RecordRow {
  readonly id: string;
  readonly data: Record<string, unknown>;
}

interface Page {
  readonly items: readonly RecordRow[];
  readonly nextCursor: string | null;
}

const PAGE_SIZE = 50;
const DEFAULT_COLUMNS = 6;

/** One entity's records: columns, a filter built with the rule builder, sort, paging, views, export and import. */
export function RecordsTable({ appId, entity, layout }: { appId: string; entity: SampleEntity; layout: EntityLayout }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const columns = useMemo(() => columnsOf(entity, layout), [entity, layout]);
  const fields = useMemo(() => fieldsOf(entity.schema, entity.labels), [entity]);
  const [draft, setDraft] = useState<Group>(newGroup());
  const [query, setQuery] = useState<TableQuery>({ filter: newGroup(), sort: null, columns: columns.slice(0, DEFAULT_COLUMNS).map((c) => c.key) });
  const [rows, setRows] = useState<readonly RecordRow[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const base = `/apps/${appId}/records/${entity.id}`;

  const load = useCallback((after: string | null) => {
    const params = listParams(query);
    params.set('limit', String(PAGE_SIZE));
    if (after !== null) params.set('cursor', after);
    api<Page>('GET', `${base}?${params.toString()}`).then(
      (page) => {
        setRows((current) => (after === null ? page.items : [...(current ?? []), ...page.items]));
        setCursor(page.nextCursor);
        setProblems([]);
      },
      (error: unknown) => setProblems(problemsOf(error)),
    );
  }, [base, query]);
  useEffect(() => load(null), [load]);

  const draftProblems = checkTree(draft, fields);
  const edit = (path: string, next: ConditionTree | null) => setDraft((current) => updateAt(current, path, () => next) as Group);
  const shown = columns.filter((c) => query.columns.includes(c.key));
  const exportHref = (format: 'csv' | 'xlsx') => {
    const params = listParams(query);
    params.set('format', format);
    params.set('locale', pick({ en: 'en', 'zh-CN': 'zh-CN' }));
    return `/api${base}/export?${params.toString()}`;
  };

  return (
    <div className="screen records workspace">
      <header className="screen-header">
        <p className="crumbs"><a href={hrefOf('records', appId)}>{t('admin.records.entities', { app: appId })}</a> /</p>
        <h1>{t('admin.records.title', { entity: pick(entity.label) })}</h1>
        <div className="toolbar">
          <a className="button" href={exportHref('csv')} download>{t('admin.records.exportCsv')}</a>
          <a className="button" href={exportHref('xlsx')} download>{t('admin.records.exportXlsx')}</a>
        </div>
      </header>
      <div className="columns">
        <div className="column">
          <section className="panel" aria-labelledby="records-filter">
            <h2 id="records-filter">{t('admin.records.filter')}</h2>
            <ConditionGroup group={draft} path="" fields={fields} problems={draftProblems} onEdit={edit} />
            <div className="toolbar">
              <button type="button" disabled={draftProblems.length > 0} onClick={() => setQuery((q) => ({ ...q, filter: draft }))}>{t('admin.records.apply')}</button>
              <button type="button" onClick={() => { setDraft(newGroup()); setQuery((q) => ({ ...q, filter: newGroup() })); }}>{t('admin.records.clear')}</button>
            </div>
          </section>
          <div role="alert"><ProblemList problems={problems} showPaths /></div>
          {rows === null ? <p className="muted">{t('admin.common.loading')}</p> : (
            <section className="panel" aria-label={t('admin.records.title', { entity: pick(entity.label) })}>
              <div className="table-scroll">
                <table className="records-table">
                  <thead>
                    <tr>
                      <th />
                      {shown.map((c) => {
                        const sorted = query.sort?.field === c.key ? query.sort.direction : undefined;
                        return (
                          <th key={c.key} aria-sort={sorted === undefined ? 'none' : sorted === 'asc' ? 'ascending' : 'descending'}>
                            <button type="button" className="link" aria-label={t('admin.records.sortBy', { column: pick(c.label) })} onClick={() => setQuery((q) => ({ ...q, sort: nextSort(q.sort, c.key) }))}>
                              {pick(c.label)}{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                            </button>
                          </th>
                        );
                      })}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id} data-record={r.id}>
                        <td><a href={hrefOf('records', appId, entity.id, r.id)}>{t('admin.records.open')}</a></td>
                        {shown.map((c) => <td key={c.key} data-column={c.key}>{fieldText(r.data[c.key], layout.optionLabels[c.key], pick)}</td>)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {rows.length === 0 && <p className="muted">{t('admin.records.empty')}</p>}
              <p className="muted">{t('admin.records.count', { count: rows.length })}{cursor !== null && ` ${t('admin.records.more')}`}</p>
              {cursor !== null && <button type="button" onClick={() => load(cursor)}>{t('admin.records.loadMore')}</button>}
            </section>
          )}
        </div>
        <div className="column">
          <section className="panel" aria-labelledby="records-columns">
            <h2 id="records-columns">{t('admin.records.columns')}</h2>
            <ul className="column-picker">
              {columns.map((c) => (
                <li key={c.key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={query.columns.includes(c.key)}
                      onChange={(e) => setQuery((q) => ({ ...q, columns: e.target.checked ? columns.map((x) => x.key).filter((k) => k === c.key || q.columns.includes(k)) : q.columns.filter((k) => k !== c.key) }))}
                    />
                    {pick(c.label)}
                  </label>
                </li>
              ))}
            </ul>
          </section>
          <SavedViews appId={appId} entityId={entity.id} query={query} onApply={(q) => { setDraft(q.filter); setQuery(q); }} />
          <ImportPanel appId={appId} entityId={entity.id} onImported={() => load(null)} />
        </div>
      </div>
    </div>
  );
}
