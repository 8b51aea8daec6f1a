import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', t.adminPassword);
});
afterAll(() => t.close());

const label = { 'zh-CN': '供应商门户', en: 'Supplier portal' };

describe('apps', () => {
  it('are created empty by an admin and listed', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/apps', headers: { cookie: admin }, payload: { id: 'suppliers', label } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'suppliers', label, templateVersion: null });
    const list = await t.app.inject({ method: 'GET', url: '/api/apps', headers: { cookie: admin } });
    expect(list.json()).toEqual([expect.objectContaining({ id: 'suppliers', label })]);
    const definitions = await t.app.inject({ method: 'GET', url: '/api/apps/suppliers/definitions', headers: { cookie: admin } });
    expect(definitions.json().map((d: { kind: string; id: string }) => `${d.kind}/${d.id}`).sort()).toEqual(['permission/admin_everything', 'role/admin']);
  });

  it('let the admin submit records as soon as a form is published', async () => {
    const entity = {
      kind: 'entity', formatVersion: 1, id: 'supplier', label,
      schema: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } }, required: ['name'] },
    };
    const base = '/api/apps/suppliers/definitions/entity/supplier';
    expect((await t.app.inject({ method: 'PUT', url: `${base}/draft`, headers: { cookie: admin }, payload: entity })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `${base}/publish`, headers: { cookie: admin } })).statusCode).toBe(200);
    const record = await t.app.inject({ method: 'POST', url: '/api/apps/suppliers/records/supplier', headers: { cookie: admin }, payload: { data: { name: 'Acme' } } });
    expect(record.statusCode).toBe(201);
  });

  it('refuse a taken id, a bad id and a missing language, changing nothing', async () => {
    const again = await t.app.inject({ method: 'POST', url: '/api/apps', headers: { cookie: admin }, payload: { id: 'suppliers', label } });
    expect(again.statusCode).toBe(409);
    const bad = await t.app.inject({ method: 'POST', url: '/api/apps', headers: { cookie: admin }, payload: { id: 'Bad Id', label: { en: 'x' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.id', 'body.label.zh-CN'].sort());
    const list = await t.app.inject({ method: 'GET', url: '/api/apps', headers: { cookie: admin } });
    expect(list.json()).toHaveLength(1);
  });

  it('are created by admins only', async () => {
    const { password } = await t.createUser({ username: 'viewer', roles: ['channel_manager'] });
    const cookie = await t.login('viewer', password);
    const res = await t.app.inject({ method: 'POST', url: '/api/apps', headers: { cookie }, payload: { id: 'other', label } });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/apps', headers: { cookie } })).statusCode).toBe(200);
  });
});
