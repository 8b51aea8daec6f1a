import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { startServer } from '../server.js';
import { createTestApp, TEST_SCRYPT } from '../testing/test-app.js';
import { enqueueJob } from './enqueue.js';
import { enqueueWebhook, signWebhookBody } from './webhook.js';

describe('app.jobs', () => {
  it('has the webhook and email kinds built in and takes more from modules', async () => {
    const t = await createTestApp();
    try {
      expect(t.app.jobs.handlers.kinds()).toEqual(expect.arrayContaining(['webhook', 'email']));
      const ran: string[] = [];
      t.app.jobs.handlers.register('module.timer', { complete: async (_tx, job) => void ran.push(job.id) });
      const job = await t.storage.transaction((tx) => enqueueJob(tx, { kind: 'module.timer', runAt: new Date(0), payload: { task: 't-1' } }));
      expect(await t.app.jobs.worker.runDue()).toMatchObject({ claimed: 1, done: 1 });
      expect(ran).toEqual([job.id]);
      // closing the app stops a started worker before the storage closes
      t.app.jobs.worker.start();
    } finally {
      await t.close();
    }
  });
});

describe('startServer', () => {
  it('starts the worker after migrating: a queued webhook goes out signed, and shutdown stops it', async () => {
    let deliver!: (request: { headers: IncomingHttpHeaders; body: string }) => void;
    const delivered = new Promise<{ headers: IncomingHttpHeaders; body: string }>((resolve) => (deliver = resolve));
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(200).end();
        deliver({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    const env = { PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'trellis-jobs-')), LOG_LEVEL: 'silent', JOB_POLL_MS: '20', WEBHOOK_SECRET: 's3cret-key' };
    const printed: string[] = [];
    const server = await startServer(readConfig(env), { env, print: (text) => printed.push(text), signals: new EventEmitter(), app: { scrypt: TEST_SCRYPT } });
    try {
      const output = printed.join('\n');
      expect(output).toMatch(/JOB_POLL_MS\s+20\n/);
      expect(output).toMatch(/WEBHOOK_SECRET\s+\(set\)\n/);
      expect(output).not.toContain('s3cret-key');
      const queued = await server.app.storage.transaction((tx) => enqueueWebhook(tx, { url: hookUrl, body: { hello: 'world' } }));
      const request = await delivered;
      expect(request.headers['x-trellis-delivery']).toBe(queued.deliveryId);
      expect(request.headers['x-trellis-signature']).toBe(signWebhookBody('s3cret-key', request.body));
    } finally {
      await server.close();
      receiver.close();
    }
  });
});
