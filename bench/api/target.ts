/**
 * One benchmark target in a process of its own (`tsx bench/api/target.ts MODE`), so autocannon in
 * the parent does not share the server's event loop. Reads BENCH_DATABASE_URL (PostgreSQL) or
 * BENCH_DATA_DIR (PGlite), listens on a free loopback port and prints one line `READY {json}` with
 * what the parent needs to send requests. Modes:
 * - full: the Trellis server with the PRM template; a partner user's cookie and an onboarding body
 * - bare: a plain fastify route validating the same body with ajv and inserting the same row
 * - list: the Trellis server with 100,000 generated partner records; an admin cookie
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, createUser, importTemplate, prepareApp } from '@trellis/server';
import { createStorage, type Storage } from '@trellis/storage';
import { loadPrmTemplate } from '@trellis/seed/template';
import { buildBareApp } from './bare.js';
import { bulkInsertPartners } from './bulk.js';
import { onboardingSubmission, storedOnboardingRecord } from './onboarding.js';

const APP = 'prm';
const ENTITY = 'onboarding_application';
const PASSWORD = 'bench-password-0123456789';

async function openStorage(): Promise<Storage> {
  const url = process.env.BENCH_DATABASE_URL;
  const storage = url ? await createStorage({ databaseUrl: url }) : await createStorage({ dataDir: process.env.BENCH_DATA_DIR ?? 'memory://' });
  await storage.migrate();
  return storage;
}

async function login(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const cookie = res.cookies.find((c) => c.name === 'trellis_session');
  if (res.statusCode !== 200 || cookie === undefined) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return `${cookie.name}=${cookie.value}`;
}

async function importPrm(storage: Storage): Promise<void> {
  const report = await importTemplate(storage, loadPrmTemplate(), { actor: 'bench' });
  if (!report.applied) throw new Error(`PRM import failed: ${JSON.stringify(report.problems)}`);
}

/** The Trellis server, migrated, with the PRM app imported and the benchmark's users. */
async function trellis(storage: Storage): Promise<{ app: FastifyInstance; partnerCookie: string; adminCookie: string }> {
  const app = await buildApp({ storage, logger: false, uiRoots: {} });
  await prepareApp(app);
  await importPrm(storage);
  await storage.transaction((tx) => tx.partnerOrgs.create({ id: 'org_bench', name: 'Bench partner' }));
  await createUser(storage, app.passwords, { username: 'partner', password: PASSWORD, roles: ['partner_user'], partnerOrg: 'org_bench' }, { actor: 'bench' });
  await createUser(storage, app.passwords, { username: 'ops', password: PASSWORD, roles: ['admin'] }, { actor: 'bench' });
  return { app, partnerCookie: await login(app, 'partner', PASSWORD), adminCookie: await login(app, 'ops', PASSWORD) };
}

async function start(mode: string): Promise<{ app: FastifyInstance; ready: Record<string, unknown> }> {
  const storage = await openStorage();
  if (mode === 'bare') {
    // the same table as the full server's: with the indexes the PRM entities' list views get
    await importPrm(storage);
    const app = await buildBareApp(storage, APP, ENTITY);
    return { app, ready: { method: 'POST', path: '/bare', body: JSON.stringify(storedOnboardingRecord()) } };
  }
  const { app, partnerCookie, adminCookie } = await trellis(storage);
  if (mode === 'full') {
    const body = JSON.stringify({ data: onboardingSubmission() });
    const probe = await app.inject({ method: 'POST', url: `/api/apps/${APP}/records/${ENTITY}`, headers: { cookie: partnerCookie, 'content-type': 'application/json' }, payload: body });
    if (probe.statusCode !== 201) throw new Error(`the onboarding submission is refused: ${probe.statusCode} ${probe.body}`);
    return { app, ready: { method: 'POST', path: `/api/apps/${APP}/records/${ENTITY}`, body, cookie: partnerCookie } };
  }
  if (mode === 'list') {
    await bulkInsertPartners(storage, APP, Number(process.env.BENCH_RECORDS ?? 100_000));
    const filter = encodeURIComponent(JSON.stringify({ and: [{ '==': [{ var: 'region' }, 'east'] }, { '==': [{ var: 'status' }, 'active'] }] }));
    const path = `/api/apps/${APP}/records/partner?filter=${filter}&sort=creditLimit:desc&limit=50`;
    const probe = await app.inject({ method: 'GET', url: path, headers: { cookie: adminCookie } });
    if (probe.statusCode !== 200 || probe.json().items.length !== 50) throw new Error(`the list answers ${probe.statusCode} ${probe.body.slice(0, 500)}`);
    return { app, ready: { method: 'GET', path, cookie: adminCookie } };
  }
  throw new Error(`unknown mode ${mode}`);
}

const { app, ready } = await start(process.argv[2] ?? '');
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`READY ${JSON.stringify({ url, ...ready })}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
