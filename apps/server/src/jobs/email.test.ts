import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '@trellis/storage';
import { selectedTestBackend } from '@trellis/storage/testing';
import { listDeliveries } from './delivery-log.js';
import { EMAIL_KIND, emailHandler, enqueueEmail } from './email.js';
import { createJobRegistry } from './registry.js';
import { startTestSmtp, type TestSmtp } from './test-smtp.js';
import { readJob } from './testing.js';
import { createJobWorker } from './worker.js';

const T0 = new Date('2026-03-01T09:00:00.000Z');

let storage: Storage;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
  storage = await selectedTestBackend().open({ now: () => T0 });
});
afterAll(async () => {
  await smtp.close();
  await storage.close();
});
beforeEach(async () => {
  smtp.messages.length = 0;
  await storage.sql.exec('DELETE FROM delivery_log; DELETE FROM jobs');
});

function emailWorker(url: string | undefined) {
  const handlers = createJobRegistry();
  handlers.register(EMAIL_KIND, emailHandler({ smtpUrl: url, from: 'Trellis <noreply@example.test>' }));
  return createJobWorker({ storage, clock: { now: () => T0 }, handlers, random: () => 0 });
}

describe('email delivery', () => {
  it('sends through SMTP when configured, with the delivery id as a header', async () => {
    const queued = await storage.transaction((tx) =>
      enqueueEmail(tx, { to: ['ana@example.test', 'bo@example.test'], subject: 'Approval needed', text: 'Please review 请审批', html: '<p>Please review</p>' }),
    );
    expect(await emailWorker(smtp.url).runDue(T0)).toMatchObject({ claimed: 1, done: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.to).toEqual(['ana@example.test', 'bo@example.test']);
    expect(smtp.messages[0]?.raw).toContain(`X-Trellis-Delivery: ${queued.deliveryId}`);
    expect(smtp.messages[0]?.raw).toContain('Subject: Approval needed');
    const [log] = await listDeliveries(storage.sql, { deliveryId: queued.deliveryId });
    expect(log).toMatchObject({ channel: 'email', outcome: 'delivered', target: 'ana@example.test, bo@example.test', attempt: 1, error: null });
  });

  it('retries when the server refuses, keeping the attempt in the log', async () => {
    const queued = await storage.transaction((tx) => enqueueEmail(tx, { to: 'bounce@example.test', subject: 's', text: 't', maxAttempts: 2 }));
    expect(await emailWorker(smtp.url).runDue(T0)).toMatchObject({ retried: 1 });
    const [log] = await listDeliveries(storage.sql, { jobId: queued.id });
    expect(log).toMatchObject({ outcome: 'failed', attempt: 1 });
    expect(log?.error).toMatch(/no such mailbox/);
    expect((await readJob(storage, queued.id)).status).toBe('queued');
  });

  it('without SMTP_URL logs the email as skipped and finishes the job', async () => {
    const queued = await storage.transaction((tx) => enqueueEmail(tx, { to: 'ana@example.test', subject: 's', text: 't' }));
    expect(await emailWorker(undefined).runDue(T0)).toMatchObject({ claimed: 1, done: 1 });
    expect(smtp.messages).toHaveLength(0);
    const [log] = await listDeliveries(storage.sql, { deliveryId: queued.deliveryId });
    expect(log).toMatchObject({ outcome: 'skipped', error: 'SMTP_URL is not configured' });
    await expect(storage.transaction((tx) => enqueueEmail(tx, { to: [], subject: 's', text: 't' }))).rejects.toThrow(/recipient/);
  });
});
