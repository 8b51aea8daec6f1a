import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableQuery } from './list-query.js';
import { deleteView, readViews, saveView, type SavedView } from './saved-views.js';

interface Props {
  readonly appId: string;
  readonly entityId: string;
  readonly query: TableQuery;
  readonly onApply: (query: TableQuery) => void;
}

/** Named filter, sort and column choices of this table, kept in this browser. */
export function SavedViews({ appId, entityId, query, onApply }: Props) {
  const { t } = useTranslation();
  const [views, setViews] = useState<readonly SavedView[]>(() => readViews(localStorage, appId, entityId));
  const [name, setName] = useState('');
  return (
    <section className="panel" aria-labelledby="records-views">
      <h2 id="records-views">{t('admin.records.views')}</h2>
      {views.length === 0 ? <p className="muted">{t('admin.records.noViews')}</p> : (
        <ul className="views">
          {views.map((v) => (
            <li key={v.name}>
              <button type="button" className="link" aria-label={t('admin.records.applyView', { name: v.name })} onClick={() => onApply(v.query)}>{v.name}</button>
              <button type="button" className="icon" aria-label={t('admin.records.deleteView', { name: v.name })} onClick={() => setViews(deleteView(localStorage, appId, entityId, v.name))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === '') return;
          setViews(saveView(localStorage, appId, entityId, { name: name.trim(), query }));
          setName('');
        }}
      >
        <input aria-label={t('admin.records.viewName')} placeholder={t('admin.records.viewName')} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={name.trim() === ''}>{t('admin.records.saveView')}</button>
      </form>
    </section>
  );
}
