/**
 * The PRM MDF flow through the API: request → approval by amount → grant → a wait until the
 * activity has ended (a timer job) → the partner claims with proof (a new claim record) → finance
 * returns it once, then approves → paid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { file, flowWorld, type FlowWorld, type Person } from '../../testing/flow-world.js';

const MON = '2026-05-04T02:00:00.000Z';
const REQUESTS = '/api/apps/prm/records/mdf_request';

const request = (no: string, amount: number) => ({
  requestNo: no, partnerId: 'P260042', activityName: '华东区新品发布会', activityType: 'product_launch',
  plannedDate: '2026-05-20', plannedEndDate: '2026-05-21', plan: '在上海举办新品发布会，邀请 200 位终端客户参加。',
  budget: amount * 2, coopShare: 0.5, requestedAmount: amount,
});

let w: FlowWorld;
beforeAll(async () => {
  w = await flowWorld(MON);
}, 120_000);
afterAll(async () => w.close());

async function submitRequest(no: string, amount: number): Promise<string> {
  const draft = await w.send('partner_a', 'POST', REQUESTS, { data: request(no, amount) });
  expect(draft.statusCode).toBe(201);
  const submitted = await w.send('partner_a', 'PUT', `${REQUESTS}/${draft.json().id}`, { data: { ...draft.json().data, status: 'submitted' }, revision: 1 });
  expect(submitted.statusCode).toBe(200);
  return draft.json().id;
}

async function taskOf(who: Person, recordId: string, node: string): Promise<string> {
  const items = (await w.send(who, 'GET', '/api/tasks')).json().items as { id: string; node: string; recordId: string }[];
  const task = items.find((t) => t.recordId === recordId && t.node === node);
  if (task === undefined) throw new Error(`${who} has no ${node} task`);
  return task.id;
}

const act = async (who: Person, taskId: string, body: object) => {
  const res = await w.send(who, 'POST', `/api/tasks/${taskId}/actions`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().instance;
};

describe('MDF request through the API', () => {
  it('routes by amount: any channel manager below 50,000, management from 50,000', async () => {
    const small = await submitRequest('MDF26000001', 20000);
    expect((await w.send('cm_south', 'GET', '/api/tasks')).json().items.map((t: { recordId: string; node: string }) => [t.recordId, t.node]))
      .toContainEqual([small, 'manager_review']);
    const large = await submitRequest('MDF26000002', 50000);
    await taskOf('cfo', large, 'director_review');
    await taskOf('sales_head', large, 'director_review');
  });

  it('runs request → approval → grant → claim with proof after the event → finance check → paid', async () => {
    const requestId = await submitRequest('MDF26000007', 30000);
    w.clock.set('2026-05-04T06:00:00.000Z');
    await act('cm_south', await taskOf('cm_south', requestId, 'manager_review'), { type: 'approve', data: { approvedAmount: 25000 } });
    expect((await w.send('partner_a', 'GET', `${REQUESTS}/${requestId}`)).json().data).toMatchObject({ status: 'granted', approvedAmount: 25000 });
    const granted = (await w.send('partner_b', 'GET', '/api/inbox')).json().items.map((m: { reason: string }) => m.reason);
    expect(granted).toContain('notify_node');

    // the claim opens when the activity has ended: local midnight after plannedEndDate
    w.clock.set('2026-05-20T15:59:59.000Z');
    await w.runDue();
    await expect(taskOf('partner_b', requestId, 'claim')).rejects.toThrow('no claim task');
    w.clock.set('2026-05-20T16:00:00.000Z');
    await w.runDue();
    const claim = await taskOf('partner_b', requestId, 'claim');
    expect(await taskOf('partner_a', requestId, 'claim')).toBe(claim);

    w.clock.set('2026-05-25T02:00:00.000Z');
    const proof = {
      submittedOn: '2026-05-25', activityEndedOn: '2026-05-21', actualSpend: 52000, claimAmount: 25000, proofFiles: [file('invoice.pdf')],
      resultsReport: '发布会到场 180 人，收集有效线索 45 条，现场签约 3 家。', attendees: 180, leadsGenerated: 45,
    };
    const claimed = await act('partner_b', claim, { type: 'submit', data: proof });
    const [claimId] = Object.values(claimed.createdRecords as Record<string, string>);
    const stored = (await w.send('admin', 'GET', `/api/apps/prm/records/mdf_claim/${claimId}`)).json();
    expect(stored.data).toMatchObject({ requestNo: 'MDF26000007', partnerId: 'P260042', claimNo: 'MDC26000007', status: 'submitted' });
    expect(stored.partnerOrg).toBe('P260042');

    // finance sends it back once, the partner corrects the same claim
    w.clock.set('2026-05-26T02:00:00.000Z');
    await act('fin', await taskOf('fin', requestId, 'finance_check'), { type: 'return', comment: '缺少场地费发票' });
    w.clock.set('2026-05-27T02:00:00.000Z');
    await act('partner_a', await taskOf('partner_a', requestId, 'claim'), { type: 'submit', data: { proofFiles: [...proof.proofFiles, file('venue.pdf')] } });
    w.clock.set('2026-05-28T02:00:00.000Z');
    const paid = await act('fin', await taskOf('fin', requestId, 'finance_check'), { type: 'approve' });
    expect(paid).toMatchObject({ status: 'completed', outcome: 'paid' });
    expect(Object.values(paid.createdRecords)).toEqual([claimId]);
    expect((await w.send('admin', 'GET', `/api/apps/prm/records/mdf_claim/${claimId}`)).json().data).toMatchObject({ status: 'paid' });
    expect((await w.send('admin', 'GET', `${REQUESTS}/${requestId}`)).json().data.status).toBe('closed');

    const timeline = (await w.send('fin', 'GET', `/api/flow-instances/${paid.id}/timeline`)).json().items;
    const returned = timeline.find((e: { action: string }) => e.action === 'returned');
    expect(returned).toMatchObject({ actor: w.ids.fin, comment: '缺少场地费发票' });
  });
});
