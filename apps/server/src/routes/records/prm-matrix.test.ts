/**
 * The permission matrix of the PRM template with the template's own grants, over HTTP: every role
 * against every entity, and two partner organisations against each other. What each role may do
 * is read from the template's permission definitions, so the test checks that the server enforces
 * the definitions, whatever they say; the cross-organisation cases are stated outright.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermissionDefinition } from '@trellis/definitions';
import { generateSampleData, loadPrmTemplate } from '@trellis/seed';
import { importTemplate } from '../../services/import-template.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

type Row = { id: string; revision: number; partnerOrg: string | null; owner: string | null; data: Record<string, unknown> };
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const template = loadPrmTemplate();
const grants = template.permissions as PermissionDefinition[];
const entities = (template.entities ?? []).map((e) => e.id);
const sample = generateSampleData({ partners: 6, referenceDate: '2026-03-01' });
const [partnerA, partnerB] = (() => {
  // A has a credit limit on its record (the form hides it for some kinds of partner), an MDF
  // request and an onboarding application
  const has = (records: readonly Record<string, unknown>[], id: unknown) => records.some((r) => r.partnerId === id);
  const first = sample.partner.find((p) =>
    typeof p.creditLimit === 'number' && has(sample.mdf_request, p.partnerId) && has(sample.onboarding_application, p.partnerId));
  const other = sample.partner.find((p) => p.region !== first?.region);
  if (first === undefined || other === undefined) throw new Error('the sample needs partners in two regions');
  return [first, other];
})();
const orgA = String(partnerA.partnerId);
const orgB = String(partnerB.partnerId);

const USERS: Record<string, { roles: string[]; partnerOrg?: string; regions?: string[] }> = {
  cm: { roles: ['channel_manager'], regions: [String(partnerA.region)] },
  ops: { roles: ['operations'] },
  fin: { roles: ['finance'] },
  mgmt: { roles: ['management'] },
  pa: { roles: ['partner_user'], partnerOrg: orgA },
  pb: { roles: ['partner_user'], partnerOrg: orgB },
};

let t: TestApp;
const cookies: Record<string, string> = {};

function as(who: string, method: Method, path: string, payload?: object) {
  return t.app.inject({
    method, url: `/api/apps/prm/records${path}`, headers: { cookie: cookies[who] ?? '' }, ...(payload === undefined ? {} : { payload }),
  });
}

async function all(who: string, entity: string, filter?: object): Promise<Row[]> {
  const query = filter === undefined ? '' : `&filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const res = await as(who, 'GET', `/${entity}?limit=500${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Row[];
}

/** What the template's grants let `roles` do to `entity`. */
function granted(roles: readonly string[], entity: string, action: string): boolean {
  return grants.some((g) => (g.entity === entity || g.entity === '*') && g.actions.includes(action as never) && g.roles.some((r) => roles.includes(r)));
}

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => NOW } });
  const report = await importTemplate(t.storage, template, { actor: 'test', sampleData: sample, now: NOW });
  expect(report.problems).toEqual([]);
  await t.storage.transaction(async (tx) => {
    await tx.partnerOrgs.create({ id: orgA, name: String(partnerA.name) });
    await tx.partnerOrgs.create({ id: orgB, name: String(partnerB.name) });
  });
  cookies.admin = await t.login('admin', t.adminPassword);
  for (const [username, input] of Object.entries(USERS)) {
    const { password } = await t.createUser({ username, ...input });
    cookies[username] = await t.login(username, password);
  }
}, 120_000);
afterAll(async () => t.close());

describe('roles against entities', () => {
  it('lets each role list and create exactly where its grants say, and refuses the rest with 403', async () => {
    for (const [who, { roles }] of Object.entries({ admin: { roles: ['admin'] }, ...USERS })) {
      for (const entity of entities) {
        const list = await as(who, 'GET', `/${entity}?limit=1`);
        expect([who, entity, list.statusCode]).toEqual([who, entity, granted(roles, entity, 'read') ? 200 : 403]);
        // an empty record that is no draft: refused by the grants (403) before the form ever sees it (422)
        const create = await as(who, 'POST', `/${entity}`, { data: { status: 'submitted' } });
        expect([who, entity, create.statusCode === 403]).toEqual([who, entity, !granted(roles, entity, 'create')]);
      }
    }
  });

  it('shows a channel manager only the partners and applications of their regions', async () => {
    const region = partnerA.region;
    const partners = await all('cm', 'partner');
    expect(partners.length).toBe(sample.partner.filter((p) => p.region === region).length);
    expect(partners.every((p) => p.data.region === region)).toBe(true);
    const applications = await all('cm', 'onboarding_application');
    expect(applications.length).toBeGreaterThan(0);
    expect(applications.every((a) => a.data.region === region)).toBe(true);
    const [elsewhere] = await all('admin', 'partner', { '==': [{ var: 'partnerId' }, orgB] });
    if (elsewhere === undefined) throw new Error(`no partner ${orgB}`);
    expect((await as('cm', 'GET', `/partner/${elsewhere.id}`)).statusCode).toBe(404);
    const update = await as('cm', 'PUT', `/partner/${elsewhere.id}`, { data: { ...elsewhere.data, name: 'Taken over' }, revision: elsewhere.revision });
    expect(update.statusCode).toBe(404);
  });

  it('lets each internal role write only its writable fields', async () => {
    const [partner] = await all('admin', 'partner', { '==': [{ var: 'partnerId' }, orgA] });
    if (partner === undefined) throw new Error(`no partner ${orgA}`);
    const put = (who: string, change: Record<string, unknown>, revision: number) =>
      as(who, 'PUT', `/partner/${partner.id}`, { data: { ...partner.data, ...change }, revision });
    const refused = async (who: string, field: string, value: unknown) => {
      const res = await put(who, { [field]: value }, partner.revision);
      expect([who, field, res.statusCode]).toEqual([who, field, 403]);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    };
    await refused('ops', 'tierMetal', partner.data.tierMetal === 'gold' ? 'silver' : 'gold');
    await refused('ops', 'status', partner.data.status === 'prospect' ? 'active' : 'prospect');
    await refused('ops', 'creditLimit', 1);
    await refused('fin', 'name', 'Renamed by finance');
    const management = await put('mgmt', { name: 'Renamed by management' }, partner.revision);
    expect(management.statusCode).toBe(403);
    expect(management.json().code).toBe('PERM_DENIED');
    const credit = await put('fin', { creditLimit: 1234 }, partner.revision);
    expect(credit.statusCode).toBe(200);
    expect(credit.json().data.creditLimit).toBe(1234);
  });
});

describe('partner organisations against each other', () => {
  const ownRecord = (org: string) => (r: Row) => r.partnerOrg === org || r.data.partnerId === org;

  it("sees only its own organisation's records in every entity it may read", async () => {
    for (const entity of entities.filter((e) => granted(['partner_user'], e, 'read'))) {
      const mine = await all('pa', entity);
      expect([entity, mine.every(ownRecord(orgA))]).toEqual([entity, true]);
      const expected = (sample[entity as keyof typeof sample] as Record<string, unknown>[]).filter((r) => r.partnerId === orgA).length;
      expect([entity, mine.length]).toEqual([entity, expected]);
    }
    // a filter cannot widen the scope
    expect(await all('pa', 'mdf_request', { '==': [{ var: 'partnerId' }, orgB] })).toEqual([]);
  });

  it("answers 404 to every guessed id of the other organisation, exactly like an unknown id", async () => {
    const unknown = await as('pa', 'GET', '/mdf_request/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    let probed = 0;
    for (const entity of entities) {
      for (const theirs of (await all('admin', entity)).filter(ownRecord(orgB))) {
        probed += 1;
        for (const res of [
          await as('pa', 'GET', `/${entity}/${theirs.id}`),
          await as('pa', 'GET', `/${entity}/${theirs.id}/history`),
          await as('pa', 'PUT', `/${entity}/${theirs.id}`, { data: theirs.data, revision: theirs.revision }),
          await as('pa', 'DELETE', `/${entity}/${theirs.id}?revision=${theirs.revision}`),
        ]) {
          const status = res.statusCode;
          // 403 only where the role may not do the action at all, which says nothing about the id
          expect([entity, status === 404 || (status === 403 && res.json().code === 'PERM_DENIED')]).toEqual([entity, true]);
          if (status === 404) expect(res.json().code).toBe(unknown.json().code);
        }
        const after = await as('admin', 'GET', `/${entity}/${theirs.id}`);
        expect(after.json().revision).toBe(theirs.revision);
      }
    }
    expect(probed).toBeGreaterThan(3);
  });

  it("cannot file a record in the other organisation's name", async () => {
    const [request] = sample.mdf_request.filter((r) => r.partnerId === orgA);
    if (request === undefined) throw new Error(`no MDF request of ${orgA}`);
    const writable = grants.find((g) => g.id === 'partner_file_mdf_requests')?.writableFields as string[];
    const data = Object.fromEntries(Object.entries(request).filter(([field]) => writable.includes(field)));
    const before = (await all('admin', 'mdf_request')).length;
    const planted = await as('pa', 'POST', '/mdf_request', { data: { ...data, requestNo: 'MDF99999998', partnerId: orgB } });
    expect(planted.statusCode).toBe(403);
    const own = await as('pa', 'POST', '/mdf_request', { data: { ...data, requestNo: 'MDF99999999' } });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ partnerOrg: orgA, revision: 1, data: { partnerId: orgA } });
    expect((await all('admin', 'mdf_request')).length).toBe(before + 1);
    expect((await all('pb', 'mdf_request')).some((r) => r.data.requestNo === 'MDF99999999')).toBe(false);
  });

  it('cannot set server-owned fields: metadata is refused, status and review fields are not writable', async () => {
    const [application] = sample.onboarding_application.filter((r) => r.partnerId === orgA);
    if (application === undefined) throw new Error(`no application of ${orgA}`);
    const writable = grants.find((g) => g.id === 'partner_file_applications')?.writableFields as string[];
    const data = Object.fromEntries(Object.entries(application).filter(([field]) => writable.includes(field)));
    const before = (await all('admin', 'onboarding_application')).length;
    for (const meta of [{ owner: 'someone' }, { partnerOrg: orgB }, { revision: 7 }, { id: '00000000-0000-4000-8000-000000000001' }]) {
      const res = await as('pa', 'POST', '/onboarding_application', { data, ...meta });
      expect([meta, res.statusCode]).toEqual([meta, 400]);
    }
    // refused (403 naming the field, or 422 when the form's rules already reject the value), or,
    // for a field the form hides on a new application, dropped: never stored as the client sent it
    let stored = 0;
    for (const [field, value] of [['status', 'submitted'], ['checklist', { licenceVerified: true }], ['reviewComment', 'fine']] as const) {
      const res = await as('pa', 'POST', '/onboarding_application', { data: { ...data, [field]: value } });
      if (res.statusCode === 201) {
        stored += 1;
        expect([field, res.json().data[field]]).not.toEqual([field, value]);
        continue;
      }
      expect([field, [403, 422].includes(res.statusCode)]).toEqual([field, true]);
      expect(res.json().errors.map((e: { path: string }) => e.path.split('.')[0])).toContain(field);
    }
    expect((await all('admin', 'onboarding_application')).length).toBe(before + stored);

    const created = await as('pa', 'POST', '/onboarding_application', { data });
    expect(created.statusCode).toBe(201);
    const record = created.json() as Row;
    expect(record).toMatchObject({ partnerOrg: orgA, revision: 1, data: { status: 'draft' } });
    expect(record.owner).not.toBeNull();
    const approve = await as('pa', 'PUT', `/onboarding_application/${record.id}`, { data: { ...record.data, status: 'approved' }, revision: 1 });
    expect([403, 422]).toContain(approve.statusCode);
    expect(approve.json().errors.map((e: { path: string }) => e.path)).toContain('status');
    expect((await as('admin', 'GET', `/onboarding_application/${record.id}`)).json()).toMatchObject({ revision: 1, data: { status: 'draft' } });
  });
});
