/**
 * Saved views of a records table: a named filter, sort and column choice, kept in this browser's
 * localStorage per app and entity (views are a personal convenience, not shared definitions).
 */
import type { TableQuery } from './list-query.js';

export interface SavedView {
  readonly name: string;
  readonly query: TableQuery;
}

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const keyOf = (app: string, entity: string) => `trellis.studio.views.${app}.${entity}`;

export function readViews(store: KeyValueStore, app: string, entity: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(keyOf(app, entity)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is SavedView => typeof v === 'object' && v !== null && typeof (v as SavedView).name === 'string') : [];
  } catch {
    // a corrupt entry is dropped rather than breaking the table
    return [];
  }
}

/** Saves `view`, replacing a view of the same name; returns the new list. */
export function saveView(store: KeyValueStore, app: string, entity: string, view: SavedView): SavedView[] {
  const views = [...readViews(store, app, entity).filter((v) => v.name !== view.name), view];
  store.setItem(keyOf(app, entity), JSON.stringify(views));
  return views;
}

export function deleteView(store: KeyValueStore, app: string, entity: string, name: string): SavedView[] {
  const views = readViews(store, app, entity).filter((v) => v.name !== name);
  store.setItem(keyOf(app, entity), JSON.stringify(views));
  return views;
}
