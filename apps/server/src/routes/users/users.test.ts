import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: string;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', t.adminPassword);
  const { password } = await t.createUser({ username: 'staff', roles: ['channel_manager'] });
  staff = await t.login('staff', password);
});
afterAll(() => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, ...(cookie === undefined ? {} : { headers: { cookie } }), ...(payload === undefined ? {} : { payload }) });

describe('users', () => {
  it('an admin creates a user with a generated one-time password, returned once', async () => {
    await t.storage.transaction((tx) => tx.partnerOrgs.create({ id: 'org-u', name: 'Org U' }));
    const res = await api('POST', '/api/users', admin, { username: 'new.partner', roles: ['partner_user'], partnerOrg: 'org-u', regions: ['north'] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'new.partner', displayName: 'new.partner', roles: ['partner_user'], partnerOrg: 'org-u', regions: ['north'], mustChangePassword: true, disabled: false });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.generatedPassword).toHaveLength(24);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'new.partner', password: body.generatedPassword } })).statusCode).toBe(200);
    // the audit reader lists by record or app; user events are read from the table itself
    const audit = await t.storage.sql.query<{ after: unknown }>(`SELECT after FROM audit_log WHERE action = 'user.create'`);
    const entry = audit.find((row) => JSON.stringify(row.after).includes('new.partner'));
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain('scrypt');
  });

  it('a given password is used and not echoed', async () => {
    const res = await api('POST', '/api/users', admin, { username: 'with.pw', roles: ['finance'], password: 'a-long-password-1' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).not.toHaveProperty('generatedPassword');
    expect(res.json().user.mustChangePassword).toBe(false);
  });

  it('keeps an email address for flow emails; refuses one that is not an address', async () => {
    const made = await api('POST', '/api/users', admin, { username: 'mailed', roles: ['finance'], email: 'mailed@example.test' });
    expect([made.statusCode, made.json().user.email]).toEqual([201, 'mailed@example.test']);
    const bad = await api('PATCH', `/api/users/${made.json().user.id}`, admin, { email: 'not an address' });
    expect([bad.statusCode, bad.json().errors[0].path]).toEqual([400, 'body.email']);
    const cleared = await api('PATCH', `/api/users/${made.json().user.id}`, admin, { email: null });
    expect([cleared.statusCode, cleared.json().email]).toEqual([200, null]);
  });

  it('refuses duplicates (409), unknown partner organisations (404) and bad input (400)', async () => {
    expect((await api('POST', '/api/users', admin, { username: 'with.pw', roles: ['finance'] })).statusCode).toBe(409);
    const org = await api('POST', '/api/users', admin, { username: 'orphan', roles: ['partner_user'], partnerOrg: 'no-such-org' });
    expect(org.statusCode).toBe(404);
    expect(org.json().code).toBe('STORAGE_NOT_FOUND');
    const bad = await api('POST', '/api/users', admin, { username: 'has space', roles: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.roles', 'body.username']);
  });

  it('lists users without password hashes', async () => {
    const res = await api('GET', '/api/users', admin);
    expect(res.statusCode).toBe(200);
    const names = res.json().map((u: { username: string }) => u.username);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('admin');
    expect(res.body).not.toContain('scrypt');
  });

  it('an admin changes roles, disables a user (ending its sessions) and resets a password', async () => {
    const { user, password } = await t.createUser({ username: 'changing', roles: ['viewer'] });
    const cookie = await t.login('changing', password);
    const roles = await api('PATCH', `/api/users/${user.id}`, admin, { roles: ['finance', 'viewer'], locale: 'zh-CN' });
    expect(roles.statusCode).toBe(200);
    expect(roles.json()).toMatchObject({ roles: ['finance', 'viewer'], locale: 'zh-CN' });
    const reset = await api('PATCH', `/api/users/${user.id}`, admin, { password: 'reset-password-123' });
    expect(reset.json().mustChangePassword).toBe(true);
    expect((await api('GET', '/api/auth/me', cookie)).statusCode).toBe(401);
    const again = await t.login('changing', 'reset-password-123');
    expect((await api('PATCH', `/api/users/${user.id}`, admin, { disabled: true })).json().disabled).toBe(true);
    expect((await api('GET', '/api/auth/me', again)).statusCode).toBe(401);
  });

  it('an admin cannot disable or demote itself; unknown users are 404', async () => {
    const me = (await api('GET', '/api/auth/me', admin)).json();
    const disable = await api('PATCH', `/api/users/${me.id}`, admin, { disabled: true });
    expect(disable.statusCode).toBe(422);
    expect(disable.json()).toMatchObject({ code: 'USER_SELF_LOCKOUT', errors: [{ path: 'body.disabled' }] });
    expect((await api('PATCH', `/api/users/${me.id}`, admin, { roles: ['viewer'] })).statusCode).toBe(422);
    expect((await api('PATCH', '/api/users/no-such-id', admin, { locale: 'en' })).statusCode).toBe(404);
  });

  it('is for admins only: 403 for other roles, 401 without a session', async () => {
    for (const [method, url] of [['GET', '/api/users'], ['POST', '/api/users'], ['PATCH', '/api/users/x']] as const) {
      const forbidden = await api(method, url, staff, method === 'GET' ? undefined : { locale: 'en' });
      expect([url, forbidden.statusCode]).toEqual([url, 403]);
      expect(forbidden.json().code).toBe('PERM_FORBIDDEN');
      expect((await api(method, url)).statusCode).toBe(401);
    }
  });
});

describe('partner organisations', () => {
  it('admins create them; duplicates are 409; others may not create', async () => {
    const created = await api('POST', '/api/partner-orgs', admin, { id: 'acme', name: 'Acme', region: 'south' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: 'acme', name: 'Acme', region: 'south' });
    expect((await api('POST', '/api/partner-orgs', admin, { id: 'acme', name: 'Again' })).statusCode).toBe(409);
    expect((await api('POST', '/api/partner-orgs', staff, { id: 'x', name: 'X' })).statusCode).toBe(403);
  });

  it('staff see every organisation, a partner user only its own', async () => {
    await api('POST', '/api/partner-orgs', admin, { id: 'globex', name: 'Globex' });
    const { password } = await t.createUser({ username: 'globex.user', roles: ['partner_user'], partnerOrg: 'globex' });
    const partner = await t.login('globex.user', password);
    const all = (await api('GET', '/api/partner-orgs', staff)).json().map((o: { id: string }) => o.id);
    expect(all).toEqual(expect.arrayContaining(['acme', 'globex']));
    const own = await api('GET', '/api/partner-orgs', partner);
    expect(own.json().map((o: { id: string }) => o.id)).toEqual(['globex']);
  });
});
