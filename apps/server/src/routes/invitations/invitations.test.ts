import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../types.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let now = new Date('2026-03-02T08:00:00Z');
const clock: Clock = { now: () => now };
let managerCookie: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const { password } = await t.createUser({ username: 'manager', roles: ['channel_manager'] });
  managerCookie = await t.login('manager', password);
});
afterAll(() => t.close());

const post = (url: string, payload: object, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload, ...(cookie === undefined ? {} : { headers: { cookie } }) });

const invite = (id: string, extra: object = {}) =>
  post('/api/invitations', { partnerOrg: { id, name: `${id} Ltd` }, roles: ['partner_user'], email: 'a@example.com', ...extra }, managerCookie);

describe('invitations', () => {
  it('creates the organisation and a single-use link that registers its user', async () => {
    const created = await invite('P900001', { locale: 'en' });
    expect(created.statusCode).toBe(201);
    const { token, partnerOrg, expiresAt } = created.json();
    expect(partnerOrg).toMatchObject({ id: 'P900001', name: 'P900001 Ltd' });
    expect(expiresAt).toBe('2026-03-16T08:00:00.000Z');
    // only the hash is kept
    expect(JSON.stringify(await t.storage.read.invitations.listByPartnerOrg('P900001'))).not.toContain(token);

    const checked = await post('/api/invitations/check', { token });
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ partnerOrg: { id: 'P900001', name: 'P900001 Ltd' }, email: 'a@example.com', locale: 'en' });

    const accepted = await post('/api/invitations/accept', { token, username: 'first.partner', password: 'correct horse 1' });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toEqual({ username: 'first.partner', partnerOrg: 'P900001' });
    const cookie = await t.login('first.partner', 'correct horse 1');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ roles: ['partner_user'], partnerOrg: 'P900001', locale: 'en', mustChangePassword: false });

    const again = await post('/api/invitations/accept', { token, username: 'second.try', password: 'correct horse 2' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVITATION_USED');
    expect(await t.storage.read.users.getByUsername('second.try')).toBeNull();
  });

  it('refuses unknown and expired links, naming the token', async () => {
    const unknown = await post('/api/invitations/check', { token: 'x'.repeat(43) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0]).toMatchObject({ code: 'INVITATION_NOT_FOUND', path: 'token' });
    const { token } = (await invite('P900002', { validDays: 1 })).json();
    now = new Date('2026-03-03T08:00:01Z');
    const expired = await post('/api/invitations/accept', { token, username: 'late.partner', password: 'correct horse 3' });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('INVITATION_EXPIRED');
    expect(await t.storage.read.users.getByUsername('late.partner')).toBeNull();
    now = new Date('2026-03-02T08:00:00Z');
  });

  it('keeps the link open when the username is taken', async () => {
    const { token } = (await invite('P900003')).json();
    const taken = await post('/api/invitations/accept', { token, username: 'manager', password: 'correct horse 4' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0]).toMatchObject({ code: 'STORAGE_DUPLICATE', path: 'username' });
    expect((await post('/api/invitations/check', { token })).statusCode).toBe(200);
  });

  it('is for internal staff only and never grants the administrator role', async () => {
    expect((await post('/api/invitations', { partnerOrg: { id: 'P1', name: 'x' }, roles: ['partner_user'] })).statusCode).toBe(401);
    const admin = await invite('P900004', { roles: ['partner_user', 'admin'] });
    expect(admin.statusCode).toBe(422);
    expect(admin.json().errors[0]).toMatchObject({ code: 'INVITATION_ROLE_NOT_ALLOWED', path: 'body.roles.1' });
    expect(await t.storage.read.partnerOrgs.get('P900004')).toBeNull();
    const cookie = await t.login('first.partner', 'correct horse 1');
    const byPartner = await post('/api/invitations', { partnerOrg: { id: 'P900001', name: 'x' }, roles: ['partner_user'] }, cookie);
    expect(byPartner.statusCode).toBe(403);
  });
});
