import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleData } from '@trellis/seed';
import { importTemplate } from '../../services/import-template.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { ADMIN_GRANT, prmWithGrants } from './test-grants.js';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const partners = generateSampleData({ partners: 6, referenceDate: '2026-03-01' }).partner;

let t: TestApp;
let admin: string;
let adminId: string;

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => NOW } });
  await importTemplate(t.storage, prmWithGrants([ADMIN_GRANT]), { actor: 'test' });
  admin = await t.login('admin', t.adminPassword);
  adminId = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin } })).json().id;
}, 60_000);
afterAll(async () => t.close());

const URL = '/api/apps/prm/records/partner';
const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { cookie: admin, ...headers }, ...(payload === undefined ? {} : { payload }) });

function partner(index: number): Record<string, unknown> {
  const found = partners[index];
  if (found === undefined) throw new Error(`no sample partner ${index}`);
  return structuredClone(found);
}

describe('records: create, read, update', () => {
  it('creates through the form and sets the metadata itself', async () => {
    const res = await send('POST', URL, { data: partner(0) });
    expect(res.statusCode).toBe(201);
    const record = res.json();
    expect(record).toMatchObject({
      entity: 'partner', definitionVersion: 1, revision: 1, owner: adminId, partnerOrg: null,
      createdAt: NOW.toISOString(), createdBy: adminId,
    });
    expect(record.data.name).toBe(partner(0).name);
    expect(res.headers.etag).toBe('"1"');
    const read = await send('GET', `${URL}/${record.id}`);
    expect(read.json()).toEqual(record);
  });

  it('refuses metadata from the client', async () => {
    const res = await send('POST', URL, { data: partner(0), owner: 'someone', revision: 7 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('REQUEST_ADDITIONAL_PROPERTIES');
  });

  it('answers the form problems with their field paths (422)', async () => {
    const data: Record<string, unknown> = { ...partner(1), partnerId: 'nope' };
    delete data.name;
    const res = await send('POST', URL, { data });
    expect(res.statusCode).toBe(422);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'partnerId']));
    expect(res.json().errors[0].message).toHaveProperty('zh-CN');
  });

  it('updates with the revision read (If-Match or body), refuses stale or missing revisions', async () => {
    const created = (await send('POST', URL, { data: partner(2) })).json();
    const renamed = { ...created.data, name: 'Renamed Ltd' };
    const missing = await send('PUT', `${URL}/${created.id}`, { data: renamed });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('RECORD_REVISION_REQUIRED');

    const first = await send('PUT', `${URL}/${created.id}`, { data: renamed }, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ revision: 2, data: { name: 'Renamed Ltd' } });

    const stale = await send('PUT', `${URL}/${created.id}`, { data: { ...renamed, name: 'Lost update' }, revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('RECORD_STALE_REVISION');
    expect((await send('GET', `${URL}/${created.id}`)).json().data.name).toBe('Renamed Ltd');

    const second = await send('PUT', `${URL}/${created.id}`, { data: { ...renamed, name: 'Third' }, revision: 2 });
    expect(second.json().revision).toBe(3);

    const history = (await send('GET', `${URL}/${created.id}/history`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['record.update', 'record.update', 'record.create']);
    expect(history.items[0].after.data.name).toBe('Third');
  });

  it('answers 404 for ids that do not exist and 400 for ids that are not ids', async () => {
    expect((await send('GET', `${URL}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await send('GET', `${URL}/1;drop`)).statusCode).toBe(400);
    expect((await send('GET', '/api/apps/prm/records/nothing')).json().code).toBe('ENTITY_NOT_FOUND');
  });

  it('deletes with the revision', async () => {
    const created = (await send('POST', URL, { data: partner(3) })).json();
    expect((await send('DELETE', `${URL}/${created.id}?revision=2`)).statusCode).toBe(409);
    expect((await send('DELETE', `${URL}/${created.id}`, undefined, { 'if-match': '1' })).statusCode).toBe(204);
    expect((await send('GET', `${URL}/${created.id}`)).statusCode).toBe(404);
  });
});

describe('records: lists', () => {
  const PERF = '/api/apps/prm/records/performance';
  const performance = generateSampleData({ partners: 2, referenceDate: '2026-03-01' }).performance;

  beforeAll(async () => {
    for (const data of performance) {
      const res = await send('POST', PERF, { data });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
  }, 60_000);

  it('filters with JSON Logic (URL-encoded or in the body), sorts and pages with a cursor', async () => {
    const year = performance[0]?.year;
    const filter = { '==': [{ var: 'year' }, year] };
    const expected = performance.filter((p) => p.year === year).map((p) => p.actual as number).sort((a, b) => b - a);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `filter=${encodeURIComponent(JSON.stringify(filter))}&sort=actual:desc&limit=3${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
      const page = (await send('GET', `${PERF}?${query}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((r: { data: { actual: number } }) => r.data.actual));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(expected);

    const viaBody = (await send('POST', `${PERF}/query`, { filter, sort: [{ field: 'actual', direction: 'desc', type: 'number' }], limit: 500 })).json();
    expect(viaBody.items.map((r: { data: { actual: number } }) => r.data.actual)).toEqual(expected);
  });

  it('returns only the columns asked for', async () => {
    const page = (await send('GET', `${PERF}?columns=year,quarter&limit=1`)).json();
    expect(Object.keys(page.items[0].data).sort()).toEqual(['quarter', 'year']);
  });

  it('refuses a filter that is not JSON or uses an operator filters do not support (400)', async () => {
    const notJson = await send('GET', `${PERF}?filter=%7Bnope`);
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('RECORD_BAD_FILTER');
    const res = await send('POST', `${PERF}/query`, { filter: { eval: ['1'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('filter.eval');
  });

  it('refuses a sort, filter or column on a field the entity does not have (400 naming it), in both languages', async () => {
    const cases: [string, string][] = [
      [`${PERF}?sort=nope:desc`, 'sort.0.field'],
      [`${PERF}?filter=${encodeURIComponent(JSON.stringify({ and: [{ '==': [{ var: 'year' }, 2026] }, { '>': [{ var: 'nope' }, 1] }] }))}`, 'filter.and.1.>.0.var'],
      [`${PERF}?columns=year,nope`, 'columns.1'],
    ];
    for (const [url, path] of cases) {
      const res = await send('GET', url);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0]).toMatchObject({ code: 'STORAGE_BAD_FILTER', path, message: { en: expect.stringContaining('"nope"'), 'zh-CN': expect.stringContaining('nope') } });
    }
    const viaBody = await send('POST', `${PERF}/query`, { sort: [{ field: 'year' }, { field: 'nope' }] });
    expect(viaBody.statusCode).toBe(400);
    expect(viaBody.json().errors[0].path).toBe('sort.1.field');
    // metadata and declared fields still list
    expect((await send('GET', `${PERF}?sort=$createdAt:desc,year:asc&columns=year&limit=1`)).statusCode).toBe(200);
  });
});
