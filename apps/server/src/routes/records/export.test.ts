import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityOf, generateSampleData, loadPrmTemplate } from '@trellis/seed';
import { parseXlsx } from '@trellis/tabular';
import { importTemplate } from '../../services/import-template.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { ADMIN_GRANT, grant, prmWithGrants } from './test-grants.js';

let t: TestApp;
let admin: string;
let finance: string;
const partners = generateSampleData({ partners: 3, referenceDate: '2026-03-01' }).partner;
const nameLabel = entityOf(loadPrmTemplate(), 'partner').fields?.name?.label ?? { en: 'name', 'zh-CN': 'name' };

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date('2026-03-01T08:00:00.000Z') } });
  const financeGrant = grant('finance_export', ['finance'], 'partner', ['read', 'export'], { readableFields: ['partnerId', 'name', 'status'] });
  await importTemplate(t.storage, prmWithGrants([ADMIN_GRANT, financeGrant]), { actor: 'test' });
  admin = await t.login('admin', t.adminPassword);
  const { password } = await t.createUser({ username: 'fin', roles: ['finance'] });
  finance = await t.login('fin', password);
  const evil = { ...partners[0], name: '=HYPERLINK("http://127.0.0.1/x","click")' };
  for (const data of [evil, partners[1], partners[2]]) {
    const res = await t.app.inject({ method: 'POST', url: '/api/apps/prm/records/partner', headers: { cookie: admin }, payload: { data } });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
}, 120_000);
afterAll(async () => t.close());

const get = (url: string, cookie = admin, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/apps/prm/records/partner/export${url}`, headers: { cookie, ...headers } });

describe('record export', () => {
  it('writes CSV with labels in the requested language and neutralises formula cells', async () => {
    const res = await get('?format=csv&locale=zh-CN&sort=partnerId:asc');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body.replace(/^\uFEFF/, '');
    const [header, first] = text.split('\r\n');
    expect(header).toContain(nameLabel['zh-CN']);
    expect(first).toContain(`'=HYPERLINK`);
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(4);
    const en = await get('?format=csv', admin, { 'accept-language': 'en' });
    expect(en.body.split('\r\n')[0]).toContain(nameLabel.en);
  });

  it('writes XLSX whose formula-like text stays text', async () => {
    const res = await get('?format=xlsx&locale=en&filter=' + encodeURIComponent(JSON.stringify({ '==': [{ var: 'partnerId' }, partners[0]?.partnerId] })));
    expect(res.statusCode).toBe(200);
    // read back: a formula cell would come back as its (absent) cached result, text comes back as text
    const table = await parseXlsx(new Uint8Array(res.rawPayload));
    if (!table.ok) throw new Error(JSON.stringify(table.problems));
    expect(table.value.headers).toContain(nameLabel.en);
    expect(table.value.rows).toHaveLength(1);
    expect(table.value.rows[0]?.[nameLabel.en]).toBe(`'=HYPERLINK("http://127.0.0.1/x","click")`);
  });

  it('exports only the columns the user may export, and refuses users without the export grant', async () => {
    const res = await get('?format=csv&locale=en', finance);
    expect(res.statusCode).toBe(200);
    const header = res.body.replace(/^\uFEFF/, '').split('\r\n')[0]?.split(',') ?? [];
    expect(header).toHaveLength(3);
    const { password } = await t.createUser({ username: 'ops', roles: ['operations'] });
    expect((await get('', await t.login('ops', password))).statusCode).toBe(403);
  });
});
