import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTemplate } from '../../services/import-template.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { multipartBody } from '../attachments/multipart-body.js';
import { ADMIN_GRANT, prmWithGrants } from './test-grants.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date('2026-03-01T08:00:00.000Z') } });
  await importTemplate(t.storage, prmWithGrants([ADMIN_GRANT]), { actor: 'test' });
  admin = await t.login('admin', t.adminPassword);
}, 60_000);
afterAll(async () => t.close());

// headers by label (zh-CN and en) and by field id: all three are matched
const GOOD = [
  '伙伴编号,Year,quarter,销售目标（元）,Actual sales (CNY),备注',
  'P000001,2025,1,1000000,900000,first',
  'P000001,2025,2,1000000,1100000,=1+1',
].join('\r\n');
const BAD = [
  'partnerId,year,quarter,target,actual',
  'P000001,2025,3,1000000,800000',
  'P000001,2025,9,1000000,800000',
  'P000001,twenty,4,1000000,800000',
  'nope,2025,4,1000000,800000',
].join('\r\n');

const upload = (query: string, name: string, text: string, cookie = admin) => {
  const body = multipartBody({ name, type: 'text/csv', bytes: Buffer.from(text) });
  return t.app.inject({
    method: 'POST', url: `/api/apps/prm/records/performance/import${query}`, headers: { ...body.headers, cookie }, payload: body.payload,
  });
};
const count = () => t.storage.read.records.count({ app: 'prm', entity: 'performance' });

describe('record import', () => {
  it('reports each failing row and field on a dry run, and stores nothing', async () => {
    const res = await upload('?dryRun=true', 'perf.csv', BAD);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ dryRun: true, total: 4, valid: 1, invalid: 3, created: 0, applied: false, problems: [] });
    expect(report.rows.map((r: { row: number }) => r.row)).toEqual([3, 4, 5]);
    const [quarter, year, partner] = report.rows as { errors: { code: string; path: string }[] }[];
    expect(quarter?.errors.map((e) => e.path)).toContain('quarter');
    expect(year?.errors[0]).toMatchObject({ code: 'TAB_BAD_VALUE', path: 'year' });
    expect(partner?.errors.map((e) => e.path)).toContain('partnerId');
    expect(await count()).toBe(0);
  });

  it('applies nothing when any row fails (422 naming row and field)', async () => {
    const res = await upload('', 'perf.csv', BAD);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('RECORD_IMPORT_REJECTED');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['rows.3.quarter', 'rows.4.year', 'rows.5.partnerId']));
    expect(await count()).toBe(0);
  });

  it('applies every row through the form when all are valid', async () => {
    const res = await upload('', 'perf.csv', GOOD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, created: 2, invalid: 0 });
    const page = (await t.app.inject({ method: 'GET', url: '/api/apps/prm/records/performance?sort=quarter:asc', headers: { cookie: admin } })).json();
    expect(page.items.map((r: { data: { period: string; attainment: number } }) => [r.data.period, r.data.attainment])).toEqual([['2025-Q1', 0.9], ['2025-Q2', 1.1]]);
    expect(page.items[1].data.remarks).toBe('=1+1');
  });

  it('refuses a file with a column that matches no field', async () => {
    const res = await upload('?dryRun=true', 'perf.csv', 'partnerId,colour\r\nP000001,red');
    expect(res.json().problems[0].code).toBe('TAB_UNKNOWN_COLUMN');
  });

  it('runs in the background with a job to poll for progress and the report', async () => {
    const before = await count();
    const res = await upload('?background=true', 'perf.csv', GOOD);
    expect(res.statusCode).toBe(202);
    const job = res.json();
    expect(job).toMatchObject({ state: 'running', total: 4 });
    expect(res.headers.location).toBe(`/api/apps/prm/imports/${job.id}`);
    let state = job;
    while (state.state === 'running') {
      await new Promise((resolve) => setImmediate(resolve));
      state = (await t.app.inject({ method: 'GET', url: `/api/apps/prm/imports/${job.id}`, headers: { cookie: admin } })).json();
    }
    expect(state).toMatchObject({ state: 'done', processed: 4, report: { created: 2 } });
    expect(await count()).toBe(before + 2);
    const { password } = await t.createUser({ username: 'other', roles: ['admin'] });
    const other = await t.login('other', password);
    expect((await t.app.inject({ method: 'GET', url: `/api/apps/prm/imports/${job.id}`, headers: { cookie: other } })).statusCode).toBe(404);
  });

  it('refuses users without the import grant before reading the file', async () => {
    const { password } = await t.createUser({ username: 'ops', roles: ['operations'] });
    const res = await upload('?dryRun=true', 'perf.csv', GOOD, await t.login('ops', password));
    expect(res.statusCode).toBe(403);
  });
});
