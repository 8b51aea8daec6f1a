/**
 * Files belong to the record that refers to them: a partner's draft onboarding application (saved
 * before every document is there) links its licence, the channel manager of its region downloads
 * it, and another partner cannot, whatever id they try.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrmTemplate } from '@trellis/seed';
import { importTemplate } from '../../services/import-template.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { multipartBody } from './multipart-body.js';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

let t: TestApp;
let dataDir: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'trellis-record-files-'));
  process.env.DATA_DIR = dataDir;
  t = await createTestApp({ clock: { now: () => NOW } });
  const report = await importTemplate(t.storage, loadPrmTemplate(), { actor: 'test', now: NOW });
  expect(report.problems).toEqual([]);
  await t.storage.transaction(async (tx) => {
    await tx.partnerOrgs.create({ id: 'P-A', name: 'A' });
    await tx.partnerOrgs.create({ id: 'P-B', name: 'B' });
  });
  const users = {
    cm: { roles: ['channel_manager'], regions: ['east'] },
    pa: { roles: ['partner_user'], partnerOrg: 'P-A' },
    pb: { roles: ['partner_user'], partnerOrg: 'P-B' },
  };
  for (const [username, input] of Object.entries(users)) {
    const { password } = await t.createUser({ username, ...input });
    cookies[username] = await t.login(username, password);
  }
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const as = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookies[who] ?? '' }, ...(payload === undefined ? {} : { payload }) });

async function uploadAs(who: string, name: string): Promise<{ fileId: string; fileName: string }> {
  const body = multipartBody({ name, type: 'application/pdf', bytes: PDF }, { app: 'prm', field: 'documents.businessLicense' });
  const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { ...body.headers, cookie: cookies[who] ?? '' }, payload: body.payload });
  expect(res.statusCode).toBe(201);
  return { fileId: res.json().id as string, fileName: name };
}

const draft = (licence: object) => ({
  companyName: 'East Trading', partnerKind: 'distributor', province: 'CN-ZJ', region: 'east', documents: { businessLicense: licence },
});

describe('a record owns the files it refers to', () => {
  let licence: { fileId: string; fileName: string };
  let record: { id: string; revision: number };

  beforeAll(async () => {
    licence = await uploadAs('pa', 'licence.pdf');
    // a draft: the other documents, the address and the contact are still missing
    const created = await as('pa', 'POST', '/apps/prm/records/onboarding_application', { data: draft(licence) });
    expect(created.statusCode).toBe(201);
    expect(created.json().data.status).toBe('draft');
    record = created.json();
  });

  it('lets whoever may read the record download its files, and no one else', async () => {
    const byManager = await as('cm', 'GET', `/attachments/${licence.fileId}`);
    expect(byManager.statusCode).toBe(200);
    expect(byManager.rawPayload.equals(PDF)).toBe(true);
    expect((await as('pa', 'GET', `/attachments/${licence.fileId}`)).statusCode).toBe(200);
    const byOther = await as('pb', 'GET', `/attachments/${licence.fileId}`);
    expect(byOther.statusCode).toBe(404);
    expect(byOther.json().code).toBe('ATTACHMENT_NOT_FOUND');
  });

  it('does not hand another partner a file by naming it in their own record', async () => {
    const stolen = await as('pb', 'POST', '/apps/prm/records/onboarding_application', { data: draft(licence) });
    expect(stolen.statusCode).toBe(201);
    expect((await as('pb', 'GET', `/attachments/${licence.fileId}`)).statusCode).toBe(404);
  });

  it('links a file added when the draft is continued, and checks everything once it is submitted', async () => {
    const photo = await uploadAs('pa', 'store.pdf');
    const continued = await as('pa', 'PUT', `/apps/prm/records/onboarding_application/${record.id}`, {
      revision: record.revision, data: { ...draft(licence), documents: { businessLicense: licence, storePhotos: [photo] } },
    });
    expect(continued.statusCode).toBe(200);
    expect((await as('cm', 'GET', `/attachments/${photo.fileId}`)).statusCode).toBe(200);
    const submitted = await as('pa', 'PUT', `/apps/prm/records/onboarding_application/${record.id}`, {
      revision: continued.json().revision, data: { ...continued.json().data, status: 'submitted' },
    });
    expect(submitted.statusCode).toBe(422);
    const paths = (submitted.json().errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['address', 'documents.taxRegistration']));
  });
});
