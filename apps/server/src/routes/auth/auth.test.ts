import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSessionToken } from '../../identity/session-token.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, ip = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('first start', () => {
  it('creates admin with a one-time password that must be changed', async () => {
    const res = await login('admin', t.adminPassword);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'admin', roles: ['admin'], mustChangePassword: true });
    const users = await t.storage.read.users.list();
    expect(users.map((u) => u.username)).toEqual(['admin']);
    expect(users[0]?.passwordHash).toMatch(/^scrypt\$/);
    expect(users[0]?.passwordHash).not.toContain(t.adminPassword);
  });
});

describe('sign in, me, sign out', () => {
  it('sets an httpOnly SameSite=Lax session cookie whose token is stored only as a hash', async () => {
    const { user, password } = await t.createUser({ username: 'cookie.user', roles: ['viewer'] });
    const res = await login('cookie.user', password);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^trellis_session=[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toMatch(/Expires=/);
    expect(setCookie).not.toContain('Secure'); // plain HTTP; 'auto' adds it behind HTTPS
    const token = res.cookies[0]?.value ?? '';
    const session = await t.storage.read.sessions.get(hashSessionToken(token));
    expect(session?.userId).toBe(user.id);
    expect(await t.storage.read.sessions.get(token)).toBeNull();
  });

  it('me answers the user, roles, partner organisation, regions and locale', async () => {
    await t.storage.transaction((tx) => tx.partnerOrgs.create({ id: 'org-me', name: 'Org Me', region: 'east' }));
    const { password } = await t.createUser({ username: 'me.user', roles: ['partner_user'], partnerOrg: 'org-me', regions: ['east'], locale: 'zh-CN' });
    const cookie = await t.login('me.user', password);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: 'me.user',
      roles: ['partner_user'],
      partnerOrg: 'org-me',
      partnerOrgDetails: { id: 'org-me', name: 'Org Me', region: 'east' },
      regions: ['east'],
      locale: 'zh-CN',
      mustChangePassword: false,
    });
    expect(res.json()).not.toHaveProperty('passwordHash');
  });

  it('without a session, protected routes are 401 problems', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH_REQUIRED', status: 401 });
    const forged = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'trellis_session=forged' } });
    expect(forged.statusCode).toBe(401);
  });

  it('logout ends the session and clears the cookie', async () => {
    const { password } = await t.createUser({ username: 'leaver', roles: ['viewer'] });
    const cookie = await t.login('leaver', password);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/trellis_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('a wrong password, an unknown user and a disabled user get the same 401', async () => {
    const { user, password } = await t.createUser({ username: 'wrong.pw', roles: ['viewer'] });
    const wrong = await login('wrong.pw', `${password}x`);
    const unknown = await login('nobody.here', password);
    await t.storage.transaction((tx) => tx.users.update(user.id, { disabled: true }));
    const disabled = await login('wrong.pw', password);
    for (const res of [wrong, unknown, disabled]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', errors: [{ path: 'password' }] });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('a session ends when its user is disabled', async () => {
    const { user, password } = await t.createUser({ username: 'soon.disabled', roles: ['viewer'] });
    const cookie = await t.login('soon.disabled', password);
    await t.storage.transaction((tx) => tx.users.update(user.id, { disabled: true }));
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('a missing field is a 400 naming it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ code: 'REQUEST_REQUIRED', path: 'body.password' })]);
  });
});

describe('login rate limit', () => {
  it('allows 10 attempts per minute per address and username, then 429', async () => {
    await t.createUser({ username: 'target', roles: ['viewer'] });
    for (let i = 0; i < 10; i++) expect((await login('target', 'wrong-password', '127.0.0.9')).statusCode).toBe(401);
    const limited = await login('target', 'wrong-password', '127.0.0.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.json()).toMatchObject({ code: 'AUTH_RATE_LIMITED', status: 429 });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // the same name from another address, and another name from this address, still get through
    expect((await login('target', 'wrong-password', '127.0.0.10')).statusCode).toBe(401);
    expect((await login('other', 'wrong-password', '127.0.0.9')).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('needs the current password, clears mustChangePassword and ends other sessions', async () => {
    const { user } = await t.createUser({ username: 'changer', roles: ['viewer'], password: 'first-password-1' });
    await t.storage.transaction((tx) => tx.users.update(user.id, { mustChangePassword: true }));
    const other = await t.login('changer', 'first-password-1');
    const cookie = await t.login('changer', 'first-password-1');
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword, newPassword } });

    const wrong = await change('not-the-password', 'second-password-2');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ code: 'AUTH_WRONG_PASSWORD', errors: [{ path: 'currentPassword' }] });
    const short = await change('first-password-1', 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ code: 'REQUEST_MIN_LENGTH', path: 'body.newPassword' });

    const ok = await change('first-password-1', 'second-password-2');
    expect(ok.statusCode).toBe(204);
    const fresh = `trellis_session=${ok.cookies[0]?.value ?? ''}`;
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: fresh } });
    expect(me.json().mustChangePassword).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await login('changer', 'first-password-1')).statusCode).toBe(401);
    expect((await login('changer', 'second-password-2')).statusCode).toBe(200);
  });
});
