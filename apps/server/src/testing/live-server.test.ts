import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from './live-server.js';

let ui: string;
let live: LiveServer;

beforeAll(async () => {
  ui = await mkdtemp(join(tmpdir(), 'trellis-live-ui-'));
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>studio</title>');
  live = await startLiveServer({ template: 'prm', sample: true, partners: 2, uiRoots: { studio: ui } });
}, 120_000);
afterAll(() => rm(ui, { recursive: true, force: true }));

async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${live.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('a live server for browser tests', () => {
  it('listens on loopback with the seed app, sample records and the given UI', async () => {
    expect(live.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await live.storage.read.records.count({ app: 'prm', entity: 'partner' })).toBeGreaterThanOrEqual(2);
    const home = await fetch(`${live.url}/`, { redirect: 'manual' });
    expect(home.headers.get('location')).toBe('/studio/');
    expect(await (await fetch(`${live.url}/studio/anything`)).text()).toContain('<title>studio</title>');
  });

  it('lets the admin and created users sign in over HTTP without a password change', async () => {
    const cookie = await signIn(live.admin.username, live.admin.password);
    const me = await (await fetch(`${live.url}/api/auth/me`, { headers: { cookie } })).json() as { mustChangePassword: boolean; roles: string[] };
    expect(me).toMatchObject({ mustChangePassword: false, roles: ['admin'] });
    const { password } = await live.createUser({ username: 'ana', roles: ['admin'] });
    await signIn('ana', password);
  });

  it('removes its data folder on close', async () => {
    expect(existsSync(live.dataDir)).toBe(true);
    await live.close();
    expect(existsSync(live.dataDir)).toBe(false);
  });
});
