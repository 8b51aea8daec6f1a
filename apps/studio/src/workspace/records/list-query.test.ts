import { describe, expect, it } from 'vitest';
import { newGroup, type Group } from '@trellis/conditions';
import { cellText, columnsOf, fieldText } from './entity-columns.js';
import { inLayoutOrder, layoutOf } from './entity-layout.js';
import { listParams, nextSort } from './list-query.js';
import { deleteView, readViews, saveView } from './saved-views.js';

const region: Group = { ...newGroup(), children: [{ kind: 'condition', field: 'region', operator: 'in', value: ['east'] }] };

describe('the records table query', () => {
  it('sends the filter as JSON Logic, the sort and the columns', () => {
    const params = listParams({ filter: region, sort: { field: 'name', direction: 'desc' }, columns: ['name', 'region'] });
    expect(JSON.parse(params.get('filter') ?? '')).toEqual({ and: [{ in: [{ var: 'region' }, ['east']] }] });
    expect(params.get('sort')).toBe('name:desc');
    expect(params.get('columns')).toBe('name,region');
  });

  it('sends no filter for an empty group', () => {
    expect(listParams({ filter: newGroup(), sort: null, columns: [] }).toString()).toBe('');
  });

  it('toggles a column between ascending and descending', () => {
    expect(nextSort(null, 'a')).toEqual({ field: 'a', direction: 'asc' });
    expect(nextSort({ field: 'a', direction: 'asc' }, 'a')).toEqual({ field: 'a', direction: 'desc' });
    expect(nextSort({ field: 'a', direction: 'desc' }, 'a')).toEqual({ field: 'a', direction: 'asc' });
    expect(nextSort({ field: 'a', direction: 'desc' }, 'b')).toEqual({ field: 'b', direction: 'asc' });
  });
});

describe('columns', () => {
  it('are the top-level fields with their form labels', () => {
    const columns = columnsOf({
      schema: { type: 'object', properties: { name: { type: 'string' }, address: { type: 'object', properties: { city: { type: 'string' } } } } },
      labels: { name: { label: { en: 'Name', 'zh-CN': '名称' } } },
    }, { order: [], titleField: null, optionLabels: {}, recordOptionFields: [] });
    expect(columns).toEqual([{ key: 'name', label: { en: 'Name', 'zh-CN': '名称' } }, { key: 'address', label: { en: 'address', 'zh-CN': 'address' } }]);
  });

  it('follow the form order', () => {
    const layout = layoutOf({ titleField: 'name', ui: { uiSchema: { 'ui:order': ['name', 'gone', 'city'] } } });
    expect(layout).toEqual({ order: ['name', 'gone', 'city'], titleField: 'name', optionLabels: {}, recordOptionFields: [] });
    expect(inLayoutOrder(['zip', 'city', 'name'], layout)).toEqual(['name', 'city', 'zip']);
    expect(layoutOf({})).toEqual({ order: [], titleField: null, optionLabels: {}, recordOptionFields: [] });
  });

  it('show option labels in the reader\'s language instead of codes', () => {
    const east = { en: 'East China', 'zh-CN': '华东' };
    const layout = layoutOf({ ui: { uiSchema: { region: { 'ui:options': { labels: { east, bad: 'x' } } }, name: { 'ui:widget': 'text' } } } });
    expect(layout.optionLabels).toEqual({ region: { east } });
    const zh = (text: { 'zh-CN': string }) => text['zh-CN'];
    expect(fieldText('east', layout.optionLabels.region, zh)).toBe('华东');
    expect(fieldText(['east', 'west'], layout.optionLabels.region, zh)).toBe('华东, west');
    expect(fieldText('Acme', layout.optionLabels.name, zh)).toBe('Acme');
    expect(fieldText({ a: 1 }, layout.optionLabels.region, zh)).toBe('{"a":1}');
  });

  it('show objects as JSON and nothing for missing values', () => {
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(undefined)).toBe('');
    expect(cellText(3)).toBe('3');
  });
});

describe('saved views', () => {
  const memory = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  };

  it('are kept per app and entity, replaced by name and deleted', () => {
    const store = memory();
    const query = { filter: region, sort: null, columns: ['name'] };
    saveView(store, 'prm', 'partner', { name: 'East', query });
    saveView(store, 'prm', 'partner', { name: 'East', query: { ...query, columns: ['region'] } });
    expect(readViews(store, 'prm', 'partner')).toEqual([{ name: 'East', query: { ...query, columns: ['region'] } }]);
    expect(readViews(store, 'prm', 'other')).toEqual([]);
    expect(deleteView(store, 'prm', 'partner', 'East')).toEqual([]);
  });

  it('survive a corrupt entry', () => {
    const store = memory();
    store.setItem('trellis.studio.views.prm.partner', '{not json');
    expect(readViews(store, 'prm', 'partner')).toEqual([]);
  });
});
