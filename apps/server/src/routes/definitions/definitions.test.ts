import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: string;

const label = (en: string) => ({ en, 'zh-CN': en });
const ticket = (extra: Record<string, unknown> = {}) => ({
  kind: 'entity',
  formatVersion: 1,
  id: 'ticket',
  label: label('Ticket'),
  titleField: 'title',
  schema: {
    type: 'object',
    required: ['title'],
    properties: {
      title: { type: 'string' },
      priority: { type: 'string', enum: ['low', 'high'] },
      estimate: { type: 'number' },
      notes: { type: 'string' },
      ...extra,
    },
  },
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin', t.adminPassword);
  await t.storage.transaction((tx) => tx.apps.create({ id: 'desk', label: label('Desk'), actor: 'test' }));
}, 60_000);
afterAll(async () => t.close());

const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: unknown, cookie = admin) =>
  t.app.inject({ method, url: `/api/apps/desk/definitions${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('definition drafts, publishing and versions', () => {
  it('refuses a draft that fails its published schema, naming the field', async () => {
    const res = await call('PUT', '/entity/ticket/draft', { ...ticket(), label: 'Ticket' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.some((e: { path: string }) => e.path === 'label')).toBe(true);
  });

  it('refuses a draft the form runtime cannot serve (a rule on an unknown field)', async () => {
    const body = { ...ticket(), rules: { visibility: { estimate: { '==': [{ var: 'prioritty' }, 'high'] } } } };
    const res = await call('PUT', '/entity/ticket/draft', body);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toContain('rules.visibility.estimate');
  });

  it('refuses a document whose id differs from the address', async () => {
    const res = await call('PUT', '/entity/other/draft', ticket());
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('DEFINITION_ID_MISMATCH');
  });

  it('validates without storing', async () => {
    const good = await call('POST', '/entity/ticket/validate', ticket());
    expect(good.json()).toEqual({ ok: true, problems: [] });
    const bad = await call('POST', '/entity/ticket/validate', { ...ticket(), formatVersion: 9 });
    expect(bad.json().ok).toBe(false);
    expect(bad.json().problems[0].code).toBe('DEF_UNSUPPORTED_VERSION');
    expect((await call('GET', '/entity/ticket/draft')).statusCode).toBe(404);
  });

  it('publishes drafts as numbered immutable versions, lists them and diffs two of them', async () => {
    expect((await call('POST', '/entity/ticket/publish')).statusCode).toBe(404);
    expect((await call('PUT', '/entity/ticket/draft', ticket())).statusCode).toBe(200);
    const v1 = await call('POST', '/entity/ticket/publish');
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, id: 'ticket' });
    // the draft became the version
    expect((await call('GET', '/entity/ticket/draft')).statusCode).toBe(404);

    await call('PUT', '/entity/ticket/draft', ticket({ done: { type: 'boolean' } }));
    const v2 = await call('POST', '/entity/ticket/publish');
    expect(v2.json().version).toBe(2);

    const versions = await call('GET', '/entity/ticket/versions');
    expect(versions.json().map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await call('GET', '/entity/ticket/versions/1')).json().body.schema.properties.done).toBeUndefined();
    expect((await call('GET', '/entity/ticket')).json().version).toBe(2);

    const diff = await call('GET', '/entity/ticket/diff?from=1&to=2');
    expect(diff.json()).toEqual({ from: 1, to: 2, changes: ['/schema/properties/done'] });
    expect((await call('GET', '/entity/ticket/diff?from=1&to=7')).statusCode).toBe(404);

    const listed = await call('GET', '');
    expect(listed.json()).toEqual([expect.objectContaining({ kind: 'entity', id: 'ticket', latestVersion: 2, hasDraft: false })]);
  });

  it('indexes the fields list views filter and sort on when an entity is published', async () => {
    const rows = await t.storage.sql.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE tablename = 'records'");
    const defs = rows.map((r) => r.indexdef).join('\n');
    for (const field of ['title', 'priority', 'estimate', 'done']) expect(defs).toContain(`'{${field}}'`);
    // free text is not indexed
    expect(defs).not.toContain("'{notes}'");
  });

  it('publishes a grant only when it names roles the app has', async () => {
    const grant = {
      kind: 'permission', formatVersion: 1, id: 'ghost_reads', label: label('Ghost'), roles: ['ghost'], entity: 'ticket',
      actions: ['read'], readableFields: '*',
    };
    expect((await call('PUT', '/permission/ghost_reads/draft', grant)).statusCode).toBe(200);
    const res = await call('POST', '/permission/ghost_reads/publish');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('DEFINITION_INVALID_GRANTS');
    expect(res.json().errors[1].code).toBe('PERM_UNKNOWN_ROLE');
    expect((await call('GET', '/permission/ghost_reads/versions')).json()).toEqual([]);
  });

  it('stores a program written in an older format version in the current one', async () => {
    const v1 = {
      kind: 'program', formatVersion: 1, id: 'flat_bonus', label: label('Flat bonus'), subjectEntity: 'ticket', period: 'year',
      effectiveFrom: '2026-01-01', inputs: { type: 'object' }, eligibility: true, metrics: [], formula: 100, proration: 'none',
      rounding: { scale: 0, mode: 'half_up' }, currency: 'CNY',
    };
    expect((await call('PUT', '/program/flat_bonus/draft', v1)).statusCode).toBe(200);
    const draft = (await call('GET', '/program/flat_bonus/draft')).json();
    expect(draft.body).toMatchObject({
      formatVersion: 2, subjectKey: 'id', lines: [{ id: 'payout', label: label('Flat bonus'), amount: 100 }],
    });
    expect(draft.body).not.toHaveProperty('formula');
  });

  it('lets only administrators edit', async () => {
    const { password } = await t.createUser({ username: 'viewer', roles: ['operations'] });
    const cookie = await t.login('viewer', password);
    expect((await call('PUT', '/entity/ticket/draft', ticket(), cookie)).statusCode).toBe(403);
    expect((await call('POST', '/entity/ticket/publish', undefined, cookie)).statusCode).toBe(403);
    // reading the published form is open to signed-in users
    expect((await call('GET', '/entity/ticket', undefined, cookie)).statusCode).toBe(200);
  });
});
