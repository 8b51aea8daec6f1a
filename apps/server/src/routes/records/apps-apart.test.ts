/**
 * Two apps with an entity of the same id, each published at version 1 with a different form: each
 * app's records go through its own form, never a form compiled for the other app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppTemplate } from '@trellis/definitions';
import { loadPrmTemplate } from '@trellis/seed';
import { importTemplate } from '../../services/import-template.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { ADMIN_GRANT } from './test-grants.js';

const label = (en: string) => ({ en, 'zh-CN': en });

/** An app whose only entity, `ticket`, takes codes starting with `prefix` and defaults `origin`. */
function appWithTicket(id: string, prefix: string): AppTemplate {
  const prm = loadPrmTemplate();
  const ticket = {
    kind: 'entity', formatVersion: 1, id: 'ticket', label: label('Ticket'),
    schema: {
      type: 'object',
      properties: { code: { type: 'string', pattern: `^${prefix}[0-9]+$` }, origin: { type: 'string' } },
      required: ['code', 'origin'],
    },
    rules: { defaults: { origin: { value: id } } },
  };
  return {
    ...prm, app: { ...prm.app, id, label: label(id) }, entities: [ticket], rules: [], flows: [], programs: [], permissions: [ADMIN_GRANT],
  } as unknown as AppTemplate;
}

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const [id, prefix] of [['app_one', 'A'], ['app_two', 'B']] as const) {
    const report = await importTemplate(t.storage, appWithTicket(id, prefix), { actor: 'test' });
    expect(report.problems).toEqual([]);
  }
  admin = await t.login('admin', t.adminPassword);
}, 60_000);
afterAll(async () => t.close());

const create = (app: string, code: string) =>
  t.app.inject({ method: 'POST', url: `/api/apps/${app}/records/ticket`, headers: { cookie: admin }, payload: { data: { code } } });

describe('apps with the same entity id', () => {
  it("validates and fills each app's records with its own form", async () => {
    const one = await create('app_one', 'A1');
    expect(one.statusCode).toBe(201);
    expect(one.json()).toMatchObject({ definitionVersion: 1, data: { code: 'A1', origin: 'app_one' } });
    const two = await create('app_two', 'B1');
    expect(two.statusCode).toBe(201);
    expect(two.json()).toMatchObject({ definitionVersion: 1, data: { code: 'B1', origin: 'app_two' } });

    for (const [app, code] of [['app_one', 'B2'], ['app_two', 'A2']] as const) {
      const refused = await create(app, code);
      expect([app, refused.statusCode]).toEqual([app, 422]);
      expect(refused.json().errors[0].path).toBe('code');
    }
  });
});
