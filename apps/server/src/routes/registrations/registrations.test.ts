import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTemplate } from '../../services/import-template.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { nextOrganisationId } from './policy.js';

let t: TestApp;

/** The smallest template with one role, open to sign-up or not. */
const template = (id: string, open: boolean) => ({
  kind: 'app-template',
  formatVersion: 2,
  app: { id, label: { en: id, 'zh-CN': id }, version: '1.0.0' },
  roles: [
    { id: 'staff', label: { en: 'Staff', 'zh-CN': '员工' } },
    {
      id: 'member', label: { en: 'Member', 'zh-CN': '成员' },
      ...(open ? { selfRegistration: { organisationId: { prefix: 'M', digits: 4 } } } : {}),
    },
  ],
});

beforeAll(async () => {
  t = await createTestApp();
  await importTemplate(t.storage, template('club', true), { actor: 'test' });
  await importTemplate(t.storage, template('closed', false), { actor: 'test' });
  await t.storage.transaction((tx) => tx.partnerOrgs.create({ id: 'M0007', name: 'Invited earlier' }));
});
afterAll(() => t.close());

const signUp = (app: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/apps/${app}/registrations`, payload });
const valid = { organisation: { name: '星河智能科技有限公司' }, email: 'Li@Xinghe.example.com', password: 'correct horse 1', locale: 'en' };
const counts = async () => ({ orgs: (await t.storage.read.partnerOrgs.list()).length, users: (await t.storage.read.users.list()).length });

describe('self-registration', () => {
  it('says per app whether sign-up is open', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/apps/club/registration' })).json()).toEqual({ open: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/apps/closed/registration' })).json()).toEqual({ open: false });
    const missing = await t.app.inject({ method: 'GET', url: '/api/apps/nowhere/registration' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().errors[0]).toMatchObject({ code: 'APP_NOT_FOUND', path: 'app' });
  });

  it('creates a new organisation and its user with the open role, who can sign in', async () => {
    const created = await signUp('club', valid);
    expect(created.statusCode).toBe(201);
    // the next number after the organisations already there, in the template's format
    expect(created.json()).toEqual({ username: 'li@xinghe.example.com', partnerOrg: 'M0008' });
    expect(await t.storage.read.partnerOrgs.get('M0008')).toMatchObject({ name: '星河智能科技有限公司', region: null });
    const cookie = await t.login('li@xinghe.example.com', 'correct horse 1');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({
      roles: ['member'], partnerOrg: 'M0008', locale: 'en', displayName: '星河智能科技有限公司', mustChangePassword: false,
    });
    expect((await t.storage.read.users.getByUsername('li@xinghe.example.com'))?.email).toBe('li@xinghe.example.com');
  });

  it('refuses a second sign-up with the same address, whatever its case, and writes nothing', async () => {
    const before = await counts();
    const again = await signUp('club', { ...valid, email: 'LI@xinghe.example.com', organisation: { name: 'Another Ltd' } });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().errors[0]).toMatchObject({ code: 'REGISTRATION_EMAIL_TAKEN', path: 'body.email' });
    expect(await counts()).toEqual(before);
  });

  it('refuses where the template opens no role, naming the app', async () => {
    const before = await counts();
    const closed = await signUp('closed', { ...valid, email: 'new@example.com' });
    expect(closed.statusCode).toBe(403);
    expect(closed.json().errors[0]).toMatchObject({ code: 'REGISTRATION_CLOSED', path: 'app' });
    expect(closed.json().errors[0].message['zh-CN']).toContain('自助注册');
    expect((await signUp('nowhere', { ...valid, email: 'new@example.com' })).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const before = await counts();
    const bad = await signUp('club', { organisation: { name: '' }, email: 'not-an-address', password: 'short' });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.organisation.name', 'body.email', 'body.password']));
    const extra = await signUp('club', { ...valid, email: 'x@example.com', roles: ['admin'] });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].path).toBe('body.roles');
    expect(await counts()).toEqual(before);
  });

  it("never hands out an id the app's records already name, so no row scope matches another's records", async () => {
    await t.storage.createRecord({ app: 'club', entity: 'visit', definitionVersion: 1, data: { host: 'M0900', note: 'M0999 is not an id' }, actor: 'test' });
    const created = await signUp('club', { ...valid, email: 'new@club.example.com', organisation: { name: 'Newcomer Ltd' } });
    expect([created.statusCode, created.json().partnerOrg]).toEqual([201, 'M0901']);
  });

  it('limits sign-ups per client address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 12; i += 1) answers.push((await signUp('club', { email: 'x' })).statusCode);
    const limited = await signUp('club', valid);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json().errors[0].code).toBe('REGISTRATION_RATE_LIMITED');
    expect(answers).toContain(429);
  });
});

describe('nextOrganisationId', () => {
  it('counts on from the highest id in the format and ignores others', () => {
    const format = { prefix: 'P', digits: 6 };
    expect(nextOrganisationId(format, [])).toBe('P000001');
    expect(nextOrganisationId(format, ['P900001', 'P12', 'X000009', 'P000003'])).toBe('P900002');
  });
});
