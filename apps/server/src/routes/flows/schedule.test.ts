/**
 * Scheduled flows and versions: the quarterly red/yellow card check is planted by the template
 * import, runs as a job at its time over every active partner, raises a yellow card after two
 * quarters below target, and ends in a termination review three months later (lookups re-read at
 * each transition). Instances keep their flow version until an explicit, validated migration.
 * Manual starts obey the trigger's roles; webhook notify nodes go out through the outbox, signed.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '@trellis/storage';
import { signWebhookBody } from '../../jobs/webhook.js';
import { flowWorld, submitApplication, WEBHOOK_SECRET, type FlowWorld } from '../../testing/flow-world.js';

let w: FlowWorld;
beforeAll(async () => {
  w = await flowWorld('2026-06-20T02:00:00.000Z');
}, 120_000);
afterAll(async () => w.close());

const PARTNER = {
  partnerId: 'P260042', name: '苏州远景科技有限公司', kind: 'distributor', creditCode: '91320500MA1FL0XX3B', tierAbc: 'B', tierMetal: 'silver',
  province: 'CN-JS', region: 'east', status: 'active', joinedOn: '2025-01-10', creditLimit: 800000,
  contacts: [{ name: '李娜', phone: '13800138000' }], warnings: [],
};
const performance = (year: number, quarter: number, actual: number) => ({ partnerId: 'P260042', year, quarter, target: 1000000, actual });

async function create(entity: string, data: object): Promise<string> {
  const res = await w.send('admin', 'POST', `/api/apps/prm/records/${entity}`, { data });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function instancesOf(recordId: string) {
  return (await w.send('admin', 'GET', `/api/apps/prm/flow-instances?recordId=${recordId}`)).json().items as {
    id: string; status: string; outcome: string | null; flowVersion: number; tasks: { id: string; node: string; status: string }[];
  }[];
}

describe('the quarterly red/yellow card check', () => {
  it('runs on schedule, raises a yellow card, and terminates without improvement', async () => {
    const partnerId = await create('partner', PARTNER);
    await create('performance', performance(2026, 1, 900000));
    await create('performance', performance(2026, 2, 800000));
    expect(await instancesOf(partnerId)).toEqual([]);

    w.clock.set('2026-07-01T01:00:00.000Z'); // 09:00 in Beijing on the first day of the quarter
    await w.runDue();
    const [card] = await instancesOf(partnerId);
    expect(card).toMatchObject({ status: 'running' });
    const partner = (await w.send('admin', 'GET', `/api/apps/prm/records/partner/${partnerId}`)).json().data;
    expect(partner).toMatchObject({ status: 'warned', warnings: [{ card: 'yellow', issuedOn: '2026-07-01' }] });
    expect((await w.send('partner_a', 'GET', '/api/inbox')).json().items.map((m: { reason: string }) => m.reason)).toContain('notify_node');

    const review = card?.tasks.find((t) => t.node === 'review');
    w.clock.set('2026-07-02T02:00:00.000Z');
    const reviewed = await w.send('cm_east', 'POST', `/api/tasks/${review?.id}/actions`, { type: 'submit', data: {}, comment: '已与伙伴约谈，制定改进计划' });
    expect(reviewed.statusCode, reviewed.body).toBe(200);

    // the next quarterly run finds the partner warned, not active: no second instance
    await create('performance', performance(2026, 3, 850000));
    w.clock.set('2026-10-01T01:00:00.000Z');
    await w.runDue();
    expect(await instancesOf(partnerId)).toHaveLength(1);

    w.clock.set('2026-10-02T02:00:00.000Z');
    await w.runDue();
    const [waited] = await instancesOf(partnerId);
    const termination = waited?.tasks.find((t) => t.node === 'termination_review' && t.status === 'open');
    expect(termination).toBeDefined();
    w.clock.set('2026-10-03T02:00:00.000Z');
    const decided = await w.send('sales_head', 'POST', `/api/tasks/${termination?.id}/actions`, { type: 'approve', comment: '终止合作' });
    expect(decided.json().instance).toMatchObject({ status: 'completed', outcome: 'terminated' });
    const ended = (await w.send('admin', 'GET', `/api/apps/prm/records/partner/${partnerId}`)).json().data;
    expect(ended).toMatchObject({ status: 'terminated', terminatedOn: '2026-10-03', warnings: [{ card: 'yellow' }, { card: 'red' }] });
  });
});

describe('flow versions', () => {
  it('keeps running instances on their version; a validated migration moves them', async () => {
    const old = await submitApplication(w, 'OB26000301', 100000);
    const [instance] = await instancesOf(old.id);
    expect(instance?.flowVersion).toBe(1);

    // version 2 renames the regional step
    const v1 = await w.t.storage.read.definitions.getPublished({ app: 'prm', kind: 'flow', id: 'partner_onboarding' });
    const body = JSON.parse(JSON.stringify(v1?.body).replaceAll('"regional_review"', '"regional_approval"')) as JsonObject;
    await w.t.storage.transaction((tx) => tx.definitions.publish({ app: 'prm', kind: 'flow', id: 'partner_onboarding', body, actor: 'test' }));
    const fresh = await submitApplication(w, 'OB26000302', 100000);
    expect((await instancesOf(fresh.id))[0]?.tasks.map((t) => t.node)).toEqual(['regional_approval']);
    expect((await instancesOf(old.id))[0]?.flowVersion).toBe(1);

    const url = `/api/flow-instances/${instance?.id}/migrate`;
    const unmapped = await w.send('admin', 'POST', url, { toVersion: 2 });
    expect([unmapped.statusCode, unmapped.json().code, unmapped.json().errors[0].path]).toEqual([422, 'FLOW_MIGRATION_UNMAPPED', 'mapping.regional_review']);
    expect((await w.send('cm_east', 'POST', url, { toVersion: 2, mapping: { regional_review: 'regional_approval' } })).statusCode).toBe(403);
    const moved = await w.send('admin', 'POST', url, { toVersion: 2, mapping: { regional_review: 'regional_approval' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ flowVersion: 2, tasks: [{ node: 'regional_approval', status: 'open' }] });

    const task = (await w.send('cm_east', 'GET', '/api/tasks')).json().items.find((t: { instanceId: string }) => t.instanceId === instance?.id);
    expect(task.node).toBe('regional_approval');
    const approved = await w.send('cm_east', 'POST', `/api/tasks/${task.id}/actions`, {
      type: 'approve',
      data: {
        'checklist.licenceVerified': true, 'checklist.complianceTrainingDone': true, 'checklist.showcaseStoreChecked': true,
        'checklist.noConflictOfInterest': true, 'checklist.creditCheckPassed': true,
      },
    });
    expect(approved.json().instance).toMatchObject({ flowVersion: 2, tasks: [{ status: 'closed' }, { node: 'contract', status: 'open' }] });
  });
});

describe('manual starts', () => {
  const label = (en: string) => ({ en, 'zh-CN': en });
  const manualFlow = {
    kind: 'flow', formatVersion: 1, id: 'second_opinion', label: label('Second opinion'), entity: 'onboarding_application',
    nodes: [
      { id: 'ask', type: 'start', label: label('Ask'), settings: { trigger: { on: 'manual', roles: ['channel_manager'] } }, position: { x: 0, y: 0 } },
      { id: 'opinion', type: 'approval', label: label('Finance opinion'), settings: { approvers: [{ by: 'role', role: 'finance' }], mode: 'any' }, position: { x: 1, y: 0 } },
      { id: 'done', type: 'end', label: label('Done'), settings: { outcome: 'done', label: label('Done') }, position: { x: 2, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'ask', target: 'opinion' },
      { id: 'e2', source: 'opinion', target: 'done', sourceHandle: 'approved' },
      { id: 'e3', source: 'opinion', target: 'done', sourceHandle: 'rejected' },
    ],
  };

  it('starts a manual flow for the roles its trigger names, once per Idempotency-Key', async () => {
    await w.t.storage.transaction((tx) => tx.definitions.publish({ app: 'prm', kind: 'flow', id: 'second_opinion', body: manualFlow as never, actor: 'test' }));
    const record = await submitApplication(w, 'OB26000401', 100000);
    const url = '/api/apps/prm/flows/second_opinion/instances';
    const refused = await w.send('applicant', 'POST', url, { recordId: record.id });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'PERM_FLOW_START']);
    const key = { 'idempotency-key': 'second-opinion-401' };
    const started = await w.send('cm_east', 'POST', url, { recordId: record.id }, key);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().instance).toMatchObject({ flowId: 'second_opinion', startedBy: w.ids.cm_east, tasks: [{ node: 'opinion', status: 'open' }] });
    const again = await w.send('cm_east', 'POST', url, { recordId: record.id }, key);
    expect([again.statusCode, again.json().replayed, again.json().instance.id]).toEqual([200, true, started.json().instance.id]);
    expect((await w.send('admin', 'GET', '/api/apps/prm/flow-instances?flowId=second_opinion')).json().items).toHaveLength(1);
    const automatic = await w.send('cm_east', 'POST', '/api/apps/prm/flows/partner_onboarding/instances', { recordId: record.id });
    expect([automatic.statusCode, automatic.json().code]).toEqual([422, 'FLOW_NOT_MANUAL']);
    expect((await w.send('cm_east', 'POST', '/api/apps/prm/flows/nope/instances', { recordId: record.id })).statusCode).toBe(404);
  });
});

describe('webhooks from a notify node', () => {
  it('go out after commit, signed, with the engine\'s delivery id, once', async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const label = (en: string) => ({ en, 'zh-CN': en });
      const flow = {
        kind: 'flow', formatVersion: 1, id: 'announce', label: label('Announce'), entity: 'onboarding_application',
        nodes: [
          { id: 'go', type: 'start', label: label('Go'), settings: { trigger: { on: 'manual' } }, position: { x: 0, y: 0 } },
          { id: 'tell', type: 'notify', label: label('Tell'), settings: { channel: 'webhook', url, secretRef: 'default', event: 'application.announced' }, position: { x: 1, y: 0 } },
          { id: 'done', type: 'end', label: label('Done'), settings: { outcome: 'done', label: label('Done') }, position: { x: 2, y: 0 } },
        ],
        edges: [{ id: 'e1', source: 'go', target: 'tell' }, { id: 'e2', source: 'tell', target: 'done' }],
      };
      await w.t.storage.transaction((tx) => tx.definitions.publish({ app: 'prm', kind: 'flow', id: 'announce', body: flow as never, actor: 'test' }));
      const record = await submitApplication(w, 'OB26000501', 100000);
      const started = await w.send('admin', 'POST', '/api/apps/prm/flows/announce/instances', { recordId: record.id });
      expect(started.json().instance).toMatchObject({ status: 'completed', outcome: 'done' });
      expect(received).toEqual([]); // nothing leaves before the worker runs the outbox
      await w.runDue();
      await w.runDue();
      expect(received).toHaveLength(1);
      const [hook] = received;
      const instanceId: string = started.json().instance.id;
      expect(hook?.headers['x-trellis-delivery']).toMatch(new RegExp(`^${instanceId}\\.d\\d+$`));
      expect(hook?.headers['x-trellis-event']).toBe('application.announced');
      expect(hook?.headers['x-trellis-signature']).toBe(signWebhookBody(WEBHOOK_SECRET, hook?.body ?? ''));
      expect(JSON.parse(hook?.body ?? '{}')).toMatchObject({ deliveryId: hook?.headers['x-trellis-delivery'], instanceId, event: 'application.announced' });
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
