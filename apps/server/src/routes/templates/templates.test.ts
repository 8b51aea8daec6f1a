import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPrmTemplate } from '@trellis/seed';
import { templateDefinitions, validateTemplate } from '@trellis/templates';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login('admin', t.adminPassword);
}, 60_000);
afterEach(async () => t.close());

const importTemplate = (body: unknown, dryRun: boolean, cookie = admin) =>
  t.app.inject({ method: 'POST', url: `/api/templates/import?dryRun=${dryRun}`, headers: { cookie }, payload: body as object });

describe('template import and export', () => {
  it('reports the plan on a dry run and stores nothing', async () => {
    const template = loadPrmTemplate();
    const res = await importTemplate(template, true);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ ok: true, appId: 'prm', applied: false, problems: [] });
    const total = templateDefinitions(template).length;
    expect(report.plan.counts).toEqual({ new: total, changed: 0, unchanged: 0, conflicting: 0 });
    expect(await t.storage.read.apps.list()).toEqual([]);
  });

  it('applies, exports the app, and the export imports back as unchanged', async () => {
    const applied = await importTemplate(loadPrmTemplate(), false);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ ok: true, applied: true });
    expect((await t.storage.read.definitions.getPublished({ app: 'prm', kind: 'entity', id: 'partner' }))?.version).toBe(1);

    const exported = await t.app.inject({ method: 'GET', url: '/api/apps/prm/template', headers: { cookie: admin } });
    expect(exported.statusCode).toBe(200);
    const document = JSON.parse(exported.body) as unknown;
    expect(validateTemplate(document).ok).toBe(true);
    // canonical: exporting twice gives the same bytes
    const again = await t.app.inject({ method: 'GET', url: '/api/apps/prm/template', headers: { cookie: admin } });
    expect(again.body).toBe(exported.body);

    const plan = (await importTemplate(document, true)).json();
    expect(plan.plan.counts.new + plan.plan.counts.changed + plan.plan.counts.conflicting).toBe(0);
    // applying it again makes no new versions
    await importTemplate(document, false);
    expect((await t.storage.read.definitions.listVersions({ app: 'prm', kind: 'entity', id: 'partner' })).length).toBe(1);
  });

  it('refuses an invalid template with every problem and stores nothing', async () => {
    const template = loadPrmTemplate() as unknown as { entities: { id: string; label: unknown }[] };
    const [first] = template.entities;
    if (first === undefined) throw new Error('the PRM template has entities');
    first.label = 'not localized';
    const dry = (await importTemplate(template, true)).json();
    expect(dry.ok).toBe(false);
    expect(dry.problems.length).toBeGreaterThan(0);
    const res = await importTemplate(template, false);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await t.storage.read.apps.list()).toEqual([]);
  });

  it('refuses a program whose runs an unknown flow would approve, naming the field, and stores nothing', async () => {
    const template = loadPrmTemplate() as unknown as { programs: { id: string; approvalFlow?: string }[] };
    const [first] = template.programs;
    if (first === undefined) throw new Error('the PRM template has programs');
    first.approvalFlow = 'payout_approval';
    const res = await importTemplate(template, false);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({
      code: 'TEMPLATE_UNKNOWN_FLOW', path: `programs.${first.id}.approvalFlow`,
      message: { en: 'There is no flow "payout_approval" in this template', 'zh-CN': '此模板中没有流程"payout_approval"' },
    })]);
    expect(await t.storage.read.apps.list()).toEqual([]);
  });

  it('refuses an entity change that stored records would not satisfy (409), leaving the app as it was', async () => {
    await importTemplate(loadPrmTemplate(), false);
    const changed = loadPrmTemplate() as unknown as { entities: { id: string; schema: { properties: Record<string, { type?: string }> } }[] };
    const partner = changed.entities.find((e) => e.id === 'partner');
    if (partner === undefined) throw new Error('the PRM template has a partner entity');
    partner.schema.properties.name = { type: 'number' };
    const dry = (await importTemplate(changed, true)).json();
    expect(dry.ok).toBe(false);
    expect(dry.plan.counts.conflicting).toBe(1);
    const res = await importTemplate(changed, false);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('TEMPLATE_IMPORT_CONFLICT');
    expect((await t.storage.read.definitions.listVersions({ app: 'prm', kind: 'entity', id: 'partner' })).length).toBe(1);
  });

  it('is for administrators only', async () => {
    const { password } = await t.createUser({ username: 'ops', displayName: 'Ops', roles: ['operations'] });
    const cookie = await t.login('ops', password);
    expect((await importTemplate(loadPrmTemplate(), true, cookie)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/apps/prm/template', headers: { cookie } })).statusCode).toBe(403);
  });

  it('answers 404 for an app that does not exist', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/apps/nothing/template', headers: { cookie: admin } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('APP_NOT_FOUND');
  });
});
