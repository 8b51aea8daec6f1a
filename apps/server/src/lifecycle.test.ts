import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadPrmTemplate } from '@trellis/seed';
import { createStorage, ENTITY_FIELD_INDEXES_MIGRATION } from '@trellis/storage';
import { buildApp } from './app.js';
import { prepareApp } from './lifecycle.js';
import { importTemplate } from './services/import-template.js';
import { TEST_SCRYPT } from './testing/test-app.js';

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

async function unpreparedApp(): Promise<FastifyInstance> {
  app = await buildApp({ storage: await createStorage(), scrypt: TEST_SCRYPT });
  return app;
}

describe('start-up', () => {
  it('/healthz and /api answer 503 until migrated, then healthz is 200', async () => {
    const server = await unpreparedApp();
    const before = await server.inject({ method: 'GET', url: '/healthz' });
    expect(before.statusCode).toBe(503);
    expect(before.json()).toMatchObject({ code: 'SERVER_NOT_READY', status: 503 });
    expect(before.headers['retry-after']).toBe('1');
    const api = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b' } });
    expect(api.statusCode).toBe(503);

    const prepared = await prepareApp(server);
    expect(prepared.applied.length).toBeGreaterThan(0);
    const after = await server.inject({ method: 'GET', url: '/healthz' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ status: 'ok', storage: 'pglite' });
  });

  it('creates the first admin only once: a second start finds it', async () => {
    const server = await unpreparedApp();
    const first = await prepareApp(server);
    expect(first.firstAdmin?.user).toMatchObject({ username: 'admin', roles: ['admin'], mustChangePassword: true });
    expect(first.firstAdmin?.generatedPassword).toHaveLength(24);
    const second = await prepareApp(server);
    expect(second).toEqual({ applied: [], firstAdmin: null });
    expect((await server.storage.read.users.list()).length).toBe(1);
  });

  it('/healthz turns 503 once shutdown begins', async () => {
    const server = await unpreparedApp();
    await prepareApp(server);
    server.readiness.markStopping();
    expect((await server.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(503);
  });

  it('upgrading past 0008 drops the indexes all entities shared and gives each published entity its own', async () => {
    const server = await unpreparedApp();
    await prepareApp(server);
    await importTemplate(server.storage, loadPrmTemplate(), { actor: 'test' });
    const indexes = async (prefix: string) =>
      (await server.storage.sql.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = 'records' AND indexname LIKE $1 ORDER BY 1`, [`${prefix}%`])).map((r) => r.indexname);
    const perEntity = await indexes('records_e_');
    expect(perEntity.length).toBeGreaterThan(10);
    // a database from before: shared indexes, none per entity, 0008 not yet applied
    for (const name of perEntity) await server.storage.sql.exec(`DROP INDEX ${name}`);
    await server.storage.sql.exec(`CREATE INDEX records_f_text_0123456789abcdef ON records ((data->>'partnerId'))`);
    await server.storage.sql.query('DELETE FROM schema_migrations WHERE name = $1', [ENTITY_FIELD_INDEXES_MIGRATION]);

    expect((await prepareApp(server)).applied).toEqual([ENTITY_FIELD_INDEXES_MIGRATION]);
    expect(await indexes('records_f_')).toEqual([]);
    expect(await indexes('records_e_')).toEqual(perEntity);
  });

  it('gives a database from before the field statistics the statistics of every published entity\'s list fields', async () => {
    const server = await unpreparedApp();
    await prepareApp(server);
    await importTemplate(server.storage, loadPrmTemplate(), { actor: 'test' });
    const statistics = async () =>
      (await server.storage.sql.query<{ stxname: string }>(`SELECT stxname FROM pg_statistic_ext WHERE stxname LIKE 'records\\_x\\_%' ORDER BY 1`)).map((r) => r.stxname);
    const made = await statistics();
    expect(made.length).toBeGreaterThan(10);
    for (const name of made) await server.storage.sql.exec(`DROP STATISTICS ${name}`);

    expect((await prepareApp(server)).applied).toEqual([]);
    expect(await statistics()).toEqual(made);
  });
});
