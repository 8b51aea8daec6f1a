import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '@trellis/storage';
import { selectedTestBackend } from '@trellis/storage/testing';
import { listDeliveries } from './delivery-log.js';
import { createJobRegistry } from './registry.js';
import { readJob } from './testing.js';
import { enqueueWebhook, signWebhookBody, WEBHOOK_KIND, webhookHandler } from './webhook.js';
import { createJobWorker } from './worker.js';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const SECRET = 'test-webhook-secret';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A loopback receiver answering with the next status of `script` (the last one repeats). */
let received: Received[] = [];
let script: number[] = [];
let server: Server;
let baseUrl: string;
let storage: Storage;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = script.length > 1 ? (script.shift() as number) : (script[0] ?? 200);
      if (status === 0) return; // never answers: the sender must time out
      response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  storage = await selectedTestBackend().open({ now: () => T0 });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await storage.close();
});
beforeEach(async () => {
  received = [];
  script = [];
  await storage.sql.exec('DELETE FROM delivery_log; DELETE FROM jobs');
});

function webhookWorker(settings: { secret?: string; timeoutMs?: number } = { secret: SECRET }) {
  const handlers = createJobRegistry();
  handlers.register(WEBHOOK_KIND, webhookHandler({ secret: settings.secret, timeoutMs: settings.timeoutMs }));
  return createJobWorker({ storage, clock: { now: () => T0 }, handlers, random: () => 0, backoff: { baseMs: 2000, maxMs: 60_000 } });
}

describe('webhook delivery', () => {
  it('signs the raw body, keeps the delivery id across a retry after 500, and logs every attempt', async () => {
    script = [500, 204];
    const body = { event: 'flow.approved', instance: 'i-1', amount: 12.5, note: '审批通过' };
    const queued = await storage.transaction((tx) => enqueueWebhook(tx, { url: `${baseUrl}/hook?x=1`, body, event: 'flow.approved', runAt: T0 }));
    const worker = webhookWorker();

    expect(await worker.runDue(T0)).toMatchObject({ claimed: 1, retried: 1 });
    // random 0 → half of the 2000 ms step
    expect(await readJob(storage, queued.id)).toMatchObject({ status: 'queued', lastError: 'HTTP 500', runAt: new Date(T0.getTime() + 1000).toISOString() });
    expect(await worker.runDue(new Date(T0.getTime() + 1000))).toMatchObject({ claimed: 1, done: 1 });
    expect((await readJob(storage, queued.id)).status).toBe('done');

    expect(received).toHaveLength(2);
    for (const [index, request] of received.entries()) {
      expect(JSON.parse(request.body)).toEqual(body);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-trellis-delivery']).toBe(queued.deliveryId);
      expect(request.headers['x-trellis-signature']).toBe(signWebhookBody(SECRET, request.body));
      expect(request.headers['x-trellis-event']).toBe('flow.approved');
      expect(request.headers['x-trellis-attempt']).toBe(String(index + 1));
    }
    expect(received[0]?.headers['x-trellis-timestamp']).toBe(String(T0.getTime() / 1000));
    // the signature is the HMAC of exactly the bytes sent
    expect(signWebhookBody(SECRET, received[0]?.body ?? '')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signWebhookBody('another secret', received[0]?.body ?? '')).not.toBe(received[0]?.headers['x-trellis-signature']);

    const log = await listDeliveries(storage.sql, { deliveryId: queued.deliveryId });
    expect(log.map(({ outcome, statusCode, attempt, error, jobId, target, channel }) => ({ outcome, statusCode, attempt, error, jobId, target, channel }))).toEqual([
      { outcome: 'failed', statusCode: 500, attempt: 1, error: 'HTTP 500', jobId: queued.id, target: `${baseUrl}/hook?x=1`, channel: 'webhook' },
      { outcome: 'delivered', statusCode: 204, attempt: 2, error: null, jobId: queued.id, target: `${baseUrl}/hook?x=1`, channel: 'webhook' },
    ]);
    expect(log.every((entry) => entry.durationMs >= 0)).toBe(true);
    expect(await listDeliveries(storage.sql, { jobId: queued.id })).toHaveLength(2);
  });

  it('enqueues one job per delivery id', async () => {
    const first = await storage.transaction((tx) => enqueueWebhook(tx, { url: `${baseUrl}/h`, body: { n: 1 }, deliveryId: 'outbox-42' }));
    const again = await storage.transaction((tx) => enqueueWebhook(tx, { url: `${baseUrl}/h`, body: { n: 1 }, deliveryId: 'outbox-42' }));
    expect(again).toEqual({ id: first.id, created: false, deliveryId: 'outbox-42' });
    expect(await webhookWorker().runDue(T0)).toMatchObject({ claimed: 1, done: 1 });
    expect(received.map((r) => r.headers['x-trellis-delivery'])).toEqual(['outbox-42']);
  });

  it('times out a receiver that does not answer, and a refused connection is a failed attempt too', async () => {
    script = [0];
    const silent = await storage.transaction((tx) => enqueueWebhook(tx, { url: `${baseUrl}/slow`, body: null, maxAttempts: 1 }));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await storage.transaction((tx) => enqueueWebhook(tx, { url: closedUrl, body: null, maxAttempts: 1 }));

    expect(await webhookWorker({ secret: SECRET, timeoutMs: 200 }).runDue(T0)).toMatchObject({ claimed: 2, dead: 2 });
    const [silentLog] = await listDeliveries(storage.sql, { deliveryId: silent.deliveryId });
    expect(silentLog).toMatchObject({ outcome: 'failed', statusCode: null, error: 'no answer within 200 ms' });
    const [refusedLog] = await listDeliveries(storage.sql, { deliveryId: refused.deliveryId });
    expect(refusedLog).toMatchObject({ outcome: 'failed', statusCode: null });
    expect(refusedLog?.error).toMatch(/ECONNREFUSED/);
    expect(await readJob(storage, refused.id)).toMatchObject({ status: 'dead' });
  });

  it('leaves the signature out without a secret, and refuses a non-http URL', async () => {
    await storage.transaction((tx) => enqueueWebhook(tx, { url: `${baseUrl}/h`, body: [1, 2] }));
    await webhookWorker({}).runDue(T0);
    expect(received[0]?.headers['x-trellis-signature']).toBeUndefined();
    expect(received[0]?.headers['x-trellis-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    await expect(storage.transaction((tx) => enqueueWebhook(tx, { url: 'file:///etc/passwd', body: null }))).rejects.toThrow(/http or https/);
  });
});
