import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_POLICY } from '../../services/attachment-check.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { multipartBody } from './multipart-body.js';

// a 1×1 PNG and the start of a PDF: enough for content sniffing
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa1a8e6f50000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const GIF = Buffer.from('474946383961010001000000002c00000000010001000002024401003b', 'hex');

let t: TestApp;
let admin: string;
let dataDir: string;

beforeAll(async () => {
  // the attachment routes keep files under DATA_DIR/attachments
  dataDir = mkdtempSync(join(tmpdir(), 'trellis-attachments-'));
  process.env.DATA_DIR = dataDir;
  t = await createTestApp();
  admin = await t.login('admin', t.adminPassword);
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const upload = (name: string, type: string, bytes: Uint8Array, cookie = admin) => {
  const body = multipartBody({ name, type, bytes }, { field: 'documents' });
  return t.app.inject({ method: 'POST', url: '/api/attachments', headers: { ...body.headers, cookie }, payload: body.payload });
};

describe('attachments', () => {
  it('stores a file whose content matches its declared type and serves it back', async () => {
    const res = await upload('licence.pdf', 'application/pdf', PDF);
    expect(res.statusCode).toBe(201);
    const stored = res.json();
    expect(stored).toMatchObject({ filename: 'licence.pdf', mime: 'application/pdf', size: PDF.byteLength, field: 'documents' });
    expect(stored.storageKey).toBeUndefined();
    const got = await t.app.inject({ method: 'GET', url: `/api/attachments/${stored.id}`, headers: { cookie: admin } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
  });

  it('takes the sniffed type when the client declares none', async () => {
    const res = await upload('scan', 'application/octet-stream', PNG);
    expect(res.statusCode).toBe(201);
    expect(res.json().mime).toBe('image/png');
  });

  it('refuses a file whose content contradicts its declared type', async () => {
    const res = await upload('invoice.pdf', 'application/pdf', PNG);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('ATTACHMENT_TYPE_MISMATCH');
  });

  it('refuses content of no recognised type and types not on the list', async () => {
    const text = await upload('notes.pdf', 'application/pdf', Buffer.from('#!/bin/sh\nrm -rf /\n'));
    expect(text.json().code).toBe('ATTACHMENT_TYPE_UNKNOWN');
    const gif = await upload('anim.gif', 'image/gif', GIF);
    expect(gif.statusCode).toBe(422);
    expect(gif.json().code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
  });

  it('refuses a file over the size limit (413)', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(DEFAULT_ATTACHMENT_POLICY.maxBytes)]);
    const res = await upload('big.pdf', 'application/pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('ATTACHMENT_TOO_LARGE');
  });

  it('refuses a request without a file', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/attachments', headers: { cookie: admin, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="field"\r\n\r\ndocuments\r\n--x--\r\n',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('UPLOAD_FILE_MISSING');
  });

  it('answers 404 to another user for a file not linked to a record they may read, and for unknown ids', async () => {
    const stored = (await upload('licence.pdf', 'application/pdf', PDF)).json();
    const { password } = await t.createUser({ username: 'other', roles: ['partner_user'] });
    const other = await t.login('other', password);
    const res = await t.app.inject({ method: 'GET', url: `/api/attachments/${stored.id}`, headers: { cookie: other } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ATTACHMENT_NOT_FOUND');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/attachments/00000000-0000-4000-8000-000000000000', headers: { cookie: admin } });
    expect(unknown.statusCode).toBe(404);
  });

  it('needs a session', async () => {
    const body = multipartBody({ name: 'a.pdf', type: 'application/pdf', bytes: PDF });
    const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: body.headers, payload: body.payload });
    expect(res.statusCode).toBe(401);
  });
});
