/**
 * Servers keep the app model (entities, compiled grants) built from the published definitions
 * and the published fingerprint with each kept session lookup: a publish made through another
 * server on the same database is seen as soon as the database's notice of it arrives (at once
 * on PGlite; on PostgreSQL the notice travels on another connection, so the test waits for it).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleData } from '@trellis/seed';
import type { Storage } from '@trellis/storage';
import { selectedTestBackend } from '@trellis/storage/testing';
import { buildApp } from '../../app.js';
import { prepareApp } from '../../lifecycle.js';
import { importTemplate } from '../../services/import-template.js';
import { TEST_SCRYPT } from '../../testing/test-app.js';
import { ADMIN_GRANT, grant, prmWithGrants } from './test-grants.js';

const URL = '/api/apps/prm/records/partner';
const partner = generateSampleData({ partners: 2, referenceDate: '2026-03-01' }).partner[0];

let fresh: Awaited<ReturnType<ReturnType<typeof selectedTestBackend>['fresh']>>;
let serving: FastifyInstance;
let publishing: FastifyInstance;
let cookies: { serving: string; publishing: string };

async function login(app: FastifyInstance, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } });
  const cookie = res.cookies.find((c) => c.name === 'trellis_session');
  if (cookie === undefined) throw new Error(`login failed: ${res.statusCode}`);
  return `${cookie.name}=${cookie.value}`;
}

/** A storage on the shared database that the app leaves open: dispose() closes them all. */
async function connect(): Promise<Storage> {
  return { ...(await fresh.connect()), close: async () => undefined };
}

beforeAll(async () => {
  fresh = await selectedTestBackend().fresh();
  serving = await buildApp({ storage: await connect(), scrypt: TEST_SCRYPT, uiRoots: {} });
  const { firstAdmin } = await prepareApp(serving);
  publishing = await buildApp({ storage: await connect(), scrypt: TEST_SCRYPT, uiRoots: {} });
  await prepareApp(publishing);
  await importTemplate(serving.storage, prmWithGrants([ADMIN_GRANT]), { actor: 'test' });
  const password = firstAdmin?.generatedPassword ?? '';
  cookies = { serving: await login(serving, password), publishing: await login(publishing, password) };
}, 60_000);
afterAll(async () => {
  await serving.close();
  await publishing.close();
  await fresh.dispose();
});

const create = () => serving.inject({ method: 'POST', url: URL, headers: { cookie: cookies.serving }, payload: { data: partner } });

async function publish(kind: string, id: string, body: object) {
  const ref = `/api/apps/prm/definitions/${kind}/${id}`;
  const headers = { cookie: cookies.publishing };
  expect((await publishing.inject({ method: 'PUT', url: `${ref}/draft`, headers, payload: body })).statusCode).toBe(200);
  expect((await publishing.inject({ method: 'POST', url: `${ref}/publish`, headers })).statusCode).toBe(200);
}

describe('published definitions changed through another server', () => {
  it('serve the next request with the new entity version, then with the new grants', async () => {
    const first = await create();
    expect(first.statusCode).toBe(201);
    expect(first.json().definitionVersion).toBe(1);

    const { body } = (await serving.inject({ method: 'GET', url: '/api/apps/prm/definitions/entity/partner', headers: { cookie: cookies.serving } })).json();
    await publish('entity', 'partner', { ...body, label: { en: 'Partner (changed)', 'zh-CN': '合作伙伴（已改）' } });
    await expect.poll(async () => (await create()).json().definitionVersion).toBe(2);

    await publish('permission', ADMIN_GRANT.id, grant(ADMIN_GRANT.id, ['admin'], '*', ['read'], { readableFields: '*' }));
    await expect.poll(async () => (await create()).statusCode).toBe(403);
  });
});
