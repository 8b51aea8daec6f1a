/**
 * Select fields whose options are another entity's records: the options listed and the values
 * accepted are the records of that entity the user may read; anything else is refused with the
 * field's path and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppTemplate } from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import { loadPrmTemplate } from '@trellis/seed';
import { loadAppModel } from '../../services/app-model.js';
import { importTemplate } from '../../services/import-template.js';
import { importRows } from '../../services/record-import.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { ADMIN_GRANT, grant } from './test-grants.js';

const label = (en: string) => ({ en, 'zh-CN': en });
const OWN_ORG = { '==': [{ var: '$partnerOrg' }, { var: '$user.partnerOrg' }] };
const FROM_CUSTOMER = { optionsFrom: { entity: 'customer', labelField: 'name' } };

function crmApp(): AppTemplate {
  const prm = loadPrmTemplate();
  const customer = {
    kind: 'entity', formatVersion: 1, id: 'customer', label: label('Customer'),
    schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
  };
  const visit = {
    kind: 'entity', formatVersion: 1, id: 'visit', label: label('Visit'),
    schema: {
      type: 'object',
      properties: { note: { type: 'string' }, customer: { type: 'string' }, also: { type: 'array', items: { type: 'string' } } },
      required: ['customer'],
    },
    ui: { uiSchema: { customer: { 'ui:options': FROM_CUSTOMER }, also: { 'ui:widget': 'checkboxes', 'ui:options': FROM_CUSTOMER } } },
  };
  const own = { readableFields: '*', writableFields: '*', scope: OWN_ORG };
  return {
    ...prm, app: { ...prm.app, id: 'crm', label: label('CRM') }, entities: [customer, visit], rules: [], flows: [], programs: [],
    permissions: [
      ADMIN_GRANT,
      grant('rep_customers', ['partner_user'], 'customer', ['read', 'create'], own),
      grant('rep_visits', ['partner_user'], 'visit', ['read', 'create', 'update', 'import'], own),
    ],
  } as unknown as AppTemplate;
}

let t: TestApp;
const cookies: Record<string, string> = {};
const userIds: Record<string, string> = {};
const ids: Record<string, string> = {};

const send = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/apps/crm${url}`, headers: { cookie: cookies[who] ?? '' }, ...(payload === undefined ? {} : { payload }) });
const options = (who: string, q = '') => send(who, 'GET', `/entities/visit/fields/customer/options${q === '' ? '' : `?q=${encodeURIComponent(q)}`}`);
const visitCount = async () => (await send('admin', 'GET', '/records/visit')).json().items.length as number;

beforeAll(async () => {
  t = await createTestApp({ clock: { now: () => new Date('2026-03-01T08:00:00.000Z') } });
  const report = await importTemplate(t.storage, crmApp(), { actor: 'test' });
  expect(report.problems).toEqual([]);
  await t.storage.transaction(async (tx) => {
    await tx.partnerOrgs.create({ id: 'org_a', name: 'A' });
    await tx.partnerOrgs.create({ id: 'org_b', name: 'B' });
  });
  cookies.admin = await t.login('admin', t.adminPassword);
  for (const [username, org] of [['ana', 'org_a'], ['bo', 'org_b']] as const) {
    const { password, user } = await t.createUser({ username, roles: ['partner_user'], partnerOrg: org });
    userIds[username] = user.id;
    cookies[username] = await t.login(username, password);
  }
  for (const [who, name] of [['ana', 'Acme Trading'], ['ana', 'Beta Foods'], ['bo', 'Bo Logistics']] as const) {
    const res = await send(who, 'POST', '/records/customer', { data: { name } });
    if (res.statusCode !== 201) throw new Error(res.body);
    ids[name] = res.json().id;
  }
}, 60_000);
afterAll(async () => t.close());

describe('options from another entity', () => {
  it("lists the records in the user's scope, labelled and filtered by q", async () => {
    const ana = await options('ana');
    expect(ana.statusCode).toBe(200);
    expect(ana.json()).toEqual([{ value: ids['Acme Trading'], label: 'Acme Trading' }, { value: ids['Beta Foods'], label: 'Beta Foods' }]);
    expect((await options('ana', 'Beta')).json()).toEqual([{ value: ids['Beta Foods'], label: 'Beta Foods' }]);
    expect((await options('bo')).json()).toEqual([{ value: ids['Bo Logistics'], label: 'Bo Logistics' }]);
    expect((await options('admin')).json()).toHaveLength(3);
  });

  it("lists an entity's records as options for a field not yet published (a draft's preview)", async () => {
    const draft = (who: string, query: string) => send(who, 'GET', `/entities/customer/options?${query}`);
    expect((await draft('ana', 'labelField=name')).json()).toEqual([{ value: ids['Acme Trading'], label: 'Acme Trading' }, { value: ids['Beta Foods'], label: 'Beta Foods' }]);
    expect((await draft('bo', 'labelField=name&q=Bo')).json()).toEqual([{ value: ids['Bo Logistics'], label: 'Bo Logistics' }]);
    const unknown = await draft('ana', 'labelField=nickname');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'RECORD_OPTION_BAD_LABEL_FIELD', errors: [expect.objectContaining({ path: 'querystring.labelField' })] });
    expect((await draft('ana', '')).statusCode).toBe(400);
    expect((await send('admin', 'GET', '/entities/nothing/options?labelField=name')).statusCode).toBe(404);
  });

  it('answers 404 for a field whose options are not records', async () => {
    const res = await send('ana', 'GET', '/entities/visit/fields/note/options');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('RECORD_OPTION_FIELD_NOT_FOUND');
  });

  it('stores the id of a record the user may read', async () => {
    const res = await send('ana', 'POST', '/records/visit', { data: { customer: ids['Acme Trading'], also: [ids['Beta Foods']] } });
    expect(res.statusCode).toBe(201);
    expect(res.json().data).toEqual({ customer: ids['Acme Trading'], also: [ids['Beta Foods']] });
  });

  it("refuses another partner's record, an unknown id and a non-id, naming the field; writes nothing", async () => {
    const before = await visitCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ customer: ids['Bo Logistics'] }, 'customer'],
      [{ customer: '00000000-0000-4000-8000-000000000000' }, 'customer'],
      [{ customer: 'Acme Trading' }, 'customer'],
      [{ customer: ids['Acme Trading'], also: [ids['Beta Foods'], ids['Bo Logistics']] }, 'also.1'],
    ];
    for (const [data, path] of cases) {
      const res = await send('ana', 'POST', '/records/visit', { data });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([expect.objectContaining({ code: 'RECORD_OPTION_UNKNOWN', path })]);
      expect(res.json().errors[0].message).toHaveProperty('zh-CN');
    }
    expect(await visitCount()).toBe(before);
  });

  it('refuses an update to a record outside the scope and keeps the stored value', async () => {
    const created = (await send('ana', 'POST', '/records/visit', { data: { customer: ids['Beta Foods'] } })).json();
    const res = await send('ana', 'PUT', `/records/visit/${created.id}`, { data: { customer: ids['Bo Logistics'] }, revision: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ code: 'RECORD_OPTION_UNKNOWN', path: 'customer' });
    const read = (await send('ana', 'GET', `/records/visit/${created.id}`)).json();
    expect(read).toMatchObject({ revision: 1, data: { customer: ids['Beta Foods'] } });
  });

  it('refuses an import row naming a record outside the scope, and imports nothing', async () => {
    const before = await visitCount();
    const ctx = {
      storage: t.storage, model: await loadAppModel(t.storage.read, 'crm'), now: new Date(),
      actor: { id: userIds.ana ?? '', roles: ['partner_user'], partnerOrg: 'org_a', regions: [] },
    };
    const rows = [{ row: 2, data: { customer: ids['Acme Trading'] }, errors: [] }, { row: 3, data: { customer: ids['Bo Logistics'] }, errors: [] }];
    const report = await importRows(ctx, 'visit', { rows, problems: [] }, { dryRun: true });
    expect(report.rows).toEqual([{ row: 3, errors: [expect.objectContaining({ code: 'RECORD_OPTION_UNKNOWN', path: 'customer' })] }]);
    const applied = await importRows(ctx, 'visit', { rows, problems: [] }, { dryRun: false }).catch((error: unknown) => error as TrellisError);
    expect(applied).toBeInstanceOf(TrellisError);
    expect((applied as TrellisError).problems.map((p) => [p.code, p.path])).toEqual([['RECORD_IMPORT_REJECTED', 'rows'], ['RECORD_OPTION_UNKNOWN', 'rows.3.customer']]);
    expect(await visitCount()).toBe(before);
  });
});
