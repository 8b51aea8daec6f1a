import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Session lookups are kept between requests (storage's session cache). Each case below first
 * makes a request with the session, so its lookup is kept, then changes the user or session:
 * the change must hold from the very next request.
 */
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', t.adminPassword);
});
afterAll(() => t.close());

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const patchUser = (id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie: admin }, payload });

async function signedIn(username: string, roles: string[] = ['viewer']) {
  const { user } = await t.createUser({ username, roles, password: 'first-password-1' });
  const cookie = await t.login(username, 'first-password-1');
  expect((await me(cookie)).statusCode).toBe(200);
  return { user, cookie };
}

describe('a kept session follows every change on the next request', () => {
  it('logout', async () => {
    const { cookie } = await signedIn('kept.logout');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('password change ends the other sessions', async () => {
    const { cookie } = await signedIn('kept.password');
    const other = await t.login('kept.password', 'first-password-1');
    expect((await me(other)).statusCode).toBe(200);
    const change = await t.app.inject({
      method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'first-password-1', newPassword: 'second-password-2' },
    });
    expect(change.statusCode).toBe(204);
    expect((await me(other)).statusCode).toBe(401);
  });

  it('deactivation', async () => {
    const { user, cookie } = await signedIn('kept.disabled');
    expect((await patchUser(user.id, { disabled: true })).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('role change, in both directions', async () => {
    const { user, cookie } = await signedIn('kept.roles', ['admin']);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).statusCode).toBe(200);
    expect((await patchUser(user.id, { roles: ['viewer'] })).statusCode).toBe(200);
    expect((await me(cookie)).json().roles).toEqual(['viewer']);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).statusCode).toBe(403);
    expect((await patchUser(user.id, { roles: ['admin'] })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } })).statusCode).toBe(200);
  });

  it('a change made outside the server (the CLI, another process) by plain SQL', async () => {
    const { user, cookie } = await signedIn('kept.outside');
    await t.storage.sql.query('UPDATE users SET disabled = true WHERE id = $1::uuid', [user.id]);
    await expect.poll(async () => (await me(cookie)).statusCode).toBe(401);
  });
});
