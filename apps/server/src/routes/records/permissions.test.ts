/**
 * The permission matrix over HTTP, on the PRM app with a set of grants written here (so the test
 * does not depend on the template's own grants): roles, field rules, region and partner scopes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleData } from '@trellis/seed';
import { importTemplate } from '../../services/import-template.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { multipartBody } from '../attachments/multipart-body.js';
import { ADMIN_GRANT, grant, prmWithGrants } from './test-grants.js';

const OWN_ORG = { '==': [{ var: '$partnerOrg' }, { var: '$user.partnerOrg' }] };
const MDF_WRITABLE = ['requestNo', 'partnerId', 'appliedOn', 'activityName', 'activityType', 'plannedDate', 'plannedEndDate', 'plan', 'expectedLeads', 'budget', 'coopShare', 'requestedAmount'];

const GRANTS = [
  ADMIN_GRANT,
  grant('cm_partners', ['channel_manager'], 'partner', ['read', 'update'], {
    readableFields: '*',
    writableFields: ['name', 'contacts', 'address', 'city'],
    scope: { in: [{ var: 'region' }, { var: '$user.regions' }] },
  }),
  grant('finance_partners', ['finance'], 'partner', ['read'], { readableFields: ['partnerId', 'name', 'creditLimit', 'status'] }),
  grant('partner_mdf', ['partner_user'], 'mdf_request', ['read', 'create', 'update'], {
    readableFields: '*', writableFields: MDF_WRITABLE, scope: OWN_ORG,
  }),
];

const sample = generateSampleData({ partners: 8, referenceDate: '2026-03-01' });

let t: TestApp;
// attachments are kept under DATA_DIR/attachments
const dataDir = mkdtempSync(join(tmpdir(), 'trellis-perm-'));
process.env.DATA_DIR = dataDir;
const cookies: Record<string, string> = {};

async function user(username: string, roles: string[], extra: { partnerOrg?: string; regions?: string[] } = {}) {
  const { password } = await t.createUser({ username, roles, ...extra });
  cookies[username] = await t.login(username, password);
}

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date('2026-03-01T08:00:00.000Z') } });
  await importTemplate(t.storage, prmWithGrants(GRANTS), { actor: 'test' });
  await t.storage.transaction(async (tx) => {
    await tx.partnerOrgs.create({ id: 'org_a', name: 'A' });
    await tx.partnerOrgs.create({ id: 'org_b', name: 'B' });
  });
  cookies.admin = await t.login('admin', t.adminPassword);
  await user('ana', ['partner_user'], { partnerOrg: 'org_a' });
  await user('bo', ['partner_user'], { partnerOrg: 'org_b' });
  await user('cm_east', ['channel_manager'], { regions: ['east'] });
  await user('fin', ['finance']);
  await user('boss', ['management']);
  for (const data of sample.partner) {
    const res = await as('admin', 'POST', '/partner', { data });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function as(who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object, headers: Record<string, string> = {}) {
  return t.app.inject({
    method, url: `/api/apps/prm/records${path}`, headers: { cookie: cookies[who] ?? '', ...headers }, ...(payload === undefined ? {} : { payload }),
  });
}

function mdfRequest(index: number): Record<string, unknown> {
  const { status: _s, approvedAmount: _a, ...rest } = structuredClone(sample.mdf_request[index] ?? {});
  return rest;
}

describe('partner organisations', () => {
  let aRecord: { id: string; revision: number; data: Record<string, unknown> };

  beforeAll(async () => {
    const res = await as('ana', 'POST', '/mdf_request', { data: mdfRequest(0) });
    expect(res.statusCode).toBe(201);
    aRecord = res.json();
    expect((await as('bo', 'POST', '/mdf_request', { data: mdfRequest(1) })).statusCode).toBe(201);
  });

  it('stamps the creator and its organisation, not what the client says', () => {
    expect(aRecord).toMatchObject({ partnerOrg: 'org_a', data: { status: 'draft' } });
  });

  it('hides B from A by id: read, update and history all answer 404, like an unknown id', async () => {
    for (const res of [
      await as('bo', 'GET', `/mdf_request/${aRecord.id}`),
      await as('bo', 'PUT', `/mdf_request/${aRecord.id}`, { data: aRecord.data, revision: aRecord.revision }),
      await as('bo', 'GET', `/mdf_request/${aRecord.id}/history`),
      await as('bo', 'GET', '/mdf_request/00000000-0000-4000-8000-000000000000'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('RECORD_NOT_FOUND');
    }
    expect((await as('admin', 'GET', `/mdf_request/${aRecord.id}`)).json().revision).toBe(1);
  });

  it('lists only the own organisation, whatever the filter asks for', async () => {
    const filter = encodeURIComponent(JSON.stringify({ '==': [{ var: '$partnerOrg' }, 'org_a'] }));
    const fromB = (await as('bo', 'GET', `/mdf_request?filter=${filter}`)).json();
    expect(fromB.items).toEqual([]);
    const all = (await as('bo', 'GET', '/mdf_request')).json();
    expect(all.items.map((r: { partnerOrg: string }) => r.partnerOrg)).toEqual(['org_b']);
    expect((await as('admin', 'GET', '/mdf_request')).json().items).toHaveLength(2);
  });

  it('lets A change the fields it may write, and refuses server-owned ones (status)', async () => {
    const ok = await as('ana', 'PUT', `/mdf_request/${aRecord.id}`, { data: { ...aRecord.data, activityName: 'Roadshow' }, revision: 1 });
    expect(ok.statusCode).toBe(200);
    const approved = await as('ana', 'PUT', `/mdf_request/${aRecord.id}`, { data: { ...ok.json().data, status: 'approved', approvedAmount: 1 }, revision: 2 });
    expect(approved.statusCode).toBe(403);
    expect(approved.json().errors.map((e: { path: string }) => e.path)).toContain('status');
    const onCreate = await as('ana', 'POST', '/mdf_request', { data: { ...mdfRequest(2), status: 'submitted' } });
    expect(onCreate.statusCode).toBe(403);
    expect(onCreate.json().code).toBe('PERM_FIELD_NOT_WRITABLE');
  });

  it("serves a record's attachment only to those who may read the record", async () => {
    const body = multipartBody({ name: 'plan.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') }, { app: 'prm' });
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { ...body.headers, cookie: cookies.ana ?? '' }, payload: body.payload });
    expect(uploaded.statusCode).toBe(201);
    const id = uploaded.json().id as string;
    await t.storage.transaction((tx) => tx.attachments.attach(id, aRecord.id));
    const download = (who: string) => t.app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: { cookie: cookies[who] ?? '' } });
    expect((await download('ana')).statusCode).toBe(200);
    expect((await download('admin')).statusCode).toBe(200);
    expect((await download('bo')).statusCode).toBe(404);
  });

  it('refuses actions no grant allows (deny by default)', async () => {
    expect((await as('ana', 'DELETE', `/mdf_request/${aRecord.id}?revision=2`)).statusCode).toBe(403);
    expect((await as('ana', 'GET', '/partner')).statusCode).toBe(403);
    expect((await as('boss', 'GET', '/mdf_request')).json().code).toBe('PERM_DENIED');
  });
});

describe('internal roles', () => {
  it('shows a channel manager only the partners of their regions', async () => {
    const page = (await as('cm_east', 'GET', '/partner?limit=500')).json();
    const east = sample.partner.filter((p) => p.region === 'east');
    expect(east.length).toBeGreaterThan(0);
    expect(page.items.map((r: { data: { partnerId: string } }) => r.data.partnerId).sort()).toEqual(east.map((p) => p.partnerId).sort());

    const all = (await as('admin', 'GET', '/partner?limit=500')).json().items as { id: string; revision: number; data: Record<string, unknown> }[];
    const elsewhere = all.find((r) => r.data.region !== 'east');
    if (elsewhere === undefined) throw new Error('the sample has partners outside the east region');
    expect((await as('cm_east', 'GET', `/partner/${elsewhere.id}`)).statusCode).toBe(404);

    const mine = all.find((r) => r.data.region === 'east');
    if (mine === undefined) throw new Error('no east partner');
    const renamed = await as('cm_east', 'PUT', `/partner/${mine.id}`, { data: { ...mine.data, name: 'East Renamed' } }, { 'if-match': `"${mine.revision}"` });
    expect(renamed.statusCode).toBe(200);
    const manager = await as('cm_east', 'PUT', `/partner/${mine.id}`, { data: { ...renamed.json().data, accountManager: 'Someone' } }, { 'if-match': '"2"' });
    expect(manager.statusCode).toBe(403);
    expect(manager.json().errors[0]).toMatchObject({ code: 'PERM_FIELD_NOT_WRITABLE', path: 'accountManager' });
  });

  it('gives finance the readable fields only, and no writes', async () => {
    const page = (await as('fin', 'GET', '/partner?limit=1')).json();
    expect(Object.keys(page.items[0].data).sort()).toEqual(expect.arrayContaining(['name', 'partnerId', 'status']));
    expect(page.items[0].data.contacts).toBeUndefined();
    expect((await as('fin', 'POST', '/partner', { data: sample.partner[0] })).statusCode).toBe(403);
  });

  it('refuses finance a filter, sort or column on a field it may not read, which would tell its values', async () => {
    const byRegion = encodeURIComponent(JSON.stringify({ '==': [{ var: 'region' }, 'east'] }));
    for (const [url, path] of [[`/partner?filter=${byRegion}`, 'filter.==.0.var'], ['/partner?sort=region:asc', 'sort.0.field'], ['/partner?columns=name,region', 'columns.1']]) {
      const res = await as('fin', 'GET', url ?? '');
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ code: 'STORAGE_BAD_FILTER', path });
    }
    // the fields it reads still filter and sort; the admin may filter on region
    const readable = await as('fin', 'GET', `/partner?filter=${encodeURIComponent(JSON.stringify({ '>': [{ var: 'creditLimit' }, 0] }))}&sort=creditLimit:desc&columns=name,creditLimit`);
    expect(readable.statusCode).toBe(200);
    expect(readable.json().items.length).toBeGreaterThan(0);
    expect((await as('admin', 'GET', `/partner?filter=${byRegion}`)).statusCode).toBe(200);
  });
});
