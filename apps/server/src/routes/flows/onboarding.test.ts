/**
 * The PRM onboarding flow end to end through the API: the applicant submits, the qualification
 * check runs in the same transaction, the regional channel manager is reminded and then escalated
 * to their manager (timers fired by the job worker at the test's clock), finance approves the
 * large credit limit, the partner signs, and the partner record is created and tiered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../jobs/test-smtp.js';
import { APPLICATIONS as APPS, file, flowWorld, submitApplication, application, type FlowWorld } from '../../testing/flow-world.js';

const FRI = '2026-04-03T02:00:00.000Z'; // Friday 10:00 in Beijing
const CHECKLIST = {
  'checklist.licenceVerified': true, 'checklist.complianceTrainingDone': true, 'checklist.showcaseStoreChecked': true,
  'checklist.noConflictOfInterest': true, 'checklist.creditCheckPassed': true,
};

let w: FlowWorld;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  w = await flowWorld(FRI, { smtpUrl: smtp.url });
}, 120_000);
afterAll(async () => {
  await w.close();
  await smtp.close();
});

async function openTasks(who: Parameters<FlowWorld['send']>[0]) {
  const res = await w.send(who, 'GET', '/api/tasks');
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; node: string; instanceId: string; dueAt: string | null; remindAt: string | null; assignees: string[] }[];
}

describe('partner onboarding through the API', () => {
  it('runs from submission to an active, tiered partner, with the reminder and escalation on time', async () => {
    // submitting starts the flow in the same transaction: the qualification check already ran
    const record = await submitApplication(w, 'OB26000042', 800000);
    expect(record.data.status).toBe('under_review');

    const [regional, ...others] = await openTasks('cm_east');
    expect(others).toEqual([]);
    expect(regional).toMatchObject({ node: 'regional_review', assignees: [w.ids.cm_east] });
    // Friday + 1 working day: Monday; + 2: Tuesday (the calendar has no holidays configured)
    expect([regional?.remindAt, regional?.dueAt]).toEqual(['2026-04-06T02:00:00.000Z', '2026-04-07T02:00:00.000Z']);
    expect(await openTasks('cm_south')).toEqual([]);
    const instanceId = regional?.instanceId as string;

    // nothing is due before Monday
    w.clock.set('2026-04-05T23:00:00.000Z');
    await w.runDue();
    expect((await w.send('cm_east', 'GET', '/api/inbox')).json().items.filter((m: { reason: string }) => m.reason === 'reminder')).toEqual([]);

    w.clock.set('2026-04-06T02:00:00.000Z');
    await w.runDue();
    const reminders = (await w.send('cm_east', 'GET', '/api/inbox?unread=true')).json().items.filter((m: { reason: string }) => m.reason === 'reminder');
    expect(reminders).toHaveLength(1);
    expect(await openTasks('sales_head')).toEqual([]);

    w.clock.set('2026-04-07T02:00:01.000Z');
    await w.runDue();
    expect(await openTasks('cm_east')).toEqual([]);
    const [escalated] = await openTasks('sales_head');
    expect(escalated).toMatchObject({ id: regional?.id, assignees: [w.ids.sales_head] });
    const overdue = await w.send('admin', 'GET', '/api/apps/prm/flow-instances?overdue=true');
    expect(overdue.json().items.map((i: { id: string }) => i.id)).toEqual([instanceId]);

    const late = await w.send('cm_east', 'POST', `/api/tasks/${regional?.id}/actions`, { type: 'approve' });
    expect(late.statusCode).toBe(403);
    expect(late.json().code).toBe('FLOW_NOT_ASSIGNEE');

    w.clock.set('2026-04-07T03:00:00.000Z');
    const approved = await w.send('sales_head', 'POST', `/api/tasks/${regional?.id}/actions`, {
      type: 'approve', comment: '资料齐全',
      data: { 'checklist.licenceVerified': true, 'checklist.complianceTrainingDone': true, 'checklist.showcaseStoreChecked': true, 'checklist.noConflictOfInterest': true },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().instance).toMatchObject({ status: 'running', flowVersion: 1 });

    // 800,000 is above the threshold: finance approves too
    const [finance] = await openTasks('fin');
    expect(finance?.node).toBe('finance_review');
    w.clock.set('2026-04-07T05:00:00.000Z');
    expect((await w.send('fin', 'POST', `/api/tasks/${finance?.id}/actions`, { type: 'approve', data: { 'checklist.creditCheckPassed': true } })).statusCode).toBe(200);
    const afterFinance = (await w.send('admin', 'GET', `${APPS}/${record.id}`)).json();
    expect(afterFinance.data).toMatchObject({ status: 'approved', partnerId: 'P310001' });

    const [contract] = await openTasks('applicant');
    expect(contract?.node).toBe('contract');
    const notEditable = await w.send('applicant', 'POST', `/api/tasks/${contract?.id}/actions`, { type: 'submit', data: { requestedCreditLimit: 1 } });
    expect(notEditable.statusCode).toBe(422);
    expect(notEditable.json().code).toBe('FLOW_FIELD_NOT_EDITABLE');
    w.clock.set('2026-04-08T01:00:00.000Z');
    const signed = await w.send('applicant', 'POST', `/api/tasks/${contract?.id}/actions`, {
      type: 'submit', data: { 'documents.distributorAgreement': file('agreement-signed.pdf') },
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().instance).toMatchObject({ status: 'completed', outcome: 'onboarded' });

    const partnerId = Object.values(signed.json().instance.createdRecords as Record<string, string>)[0];
    const partner = (await w.send('admin', 'GET', `/api/apps/prm/records/partner/${partnerId}`)).json();
    expect(partner.data).toMatchObject({
      partnerId: 'P310001', name: '上海恒通贸易有限公司', status: 'active', joinedOn: '2026-04-08', tierAbc: 'B', tierMetal: 'silver', creditLimit: 800000,
    });
    // the partner is numbered after the applicant's organisation (the application number would say P000042):
    // its users see it, another organisation's users do not
    expect((await w.send('applicant', 'GET', `/api/apps/prm/records/partner/${partnerId}`)).statusCode).toBe(200);
    expect((await w.send('partner_a', 'GET', `/api/apps/prm/records/partner/${partnerId}`)).statusCode).toBe(404);

    const detail = await w.send('applicant', 'GET', `/api/flow-instances/${instanceId}`);
    expect(detail.statusCode).toBe(200);
    const people = detail.json().timeline.filter((e: { actor: string | null; action: string }) => e.actor !== null && e.action !== 'task_opened');
    expect(people.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
      [w.ids.applicant, 'started'], [w.ids.sales_head, 'approved'], [w.ids.fin, 'approved'], [w.ids.applicant, 'submitted'],
    ]);
    const system = detail.json().timeline.filter((e: { actor: string | null }) => e.actor === null).map((e: { action: string }) => e.action);
    expect(system).toEqual(expect.arrayContaining(['reminded', 'escalated', 'computed', 'completed']));
    const welcome = (await w.send('applicant', 'GET', '/api/inbox')).json().items.map((m: { reason: string }) => m.reason);
    expect(welcome).toContain('notify_node');
    // the welcome is an email too: sent after commit, through SMTP, in the applicant's language
    expect(smtp.messages).toEqual([]);
    await w.runDue();
    expect(smtp.messages.map((m) => m.to)).toEqual([['applicant@example.test']]);
    const raw = (smtp.messages[0]?.raw ?? '').replace(/\r\n\s+/g, ' ');
    const subject = /^Subject: =\?UTF-8\?B\?(\S+)\?=/m.exec(raw)?.[1] ?? '';
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe('渠道伙伴准入已完成');
    expect(raw).toMatch(new RegExp(`X-Trellis-Delivery: ${instanceId}\\S+:${w.ids.applicant}`));

    // one audit entry per transition: start, reminder, escalation, three decisions
    const audit = await w.t.storage.read.audit.list({ recordId: record.id, limit: 100 });
    expect(audit.items.filter((e) => e.action.startsWith('flow.')).map((e) => e.action).reverse()).toEqual([
      'flow.start', 'flow.timer_fired', 'flow.timer_fired', 'flow.approve', 'flow.approve', 'flow.submit',
    ]);
  });

  it('skips finance for a small credit limit and rejects an unqualified application at once', async () => {
    await submitApplication(w, 'OB26000043', 100000);
    const [task] = await openTasks('cm_east');
    const unchecked = await w.send('cm_east', 'POST', `/api/tasks/${task?.id}/actions`, { type: 'approve' });
    // the application's own validation still holds: no approval before the checklist passed
    expect([unchecked.statusCode, unchecked.json().code]).toEqual([422, 'FORM_VALIDATION']);
    const approved = await w.send('cm_east', 'POST', `/api/tasks/${task?.id}/actions`, { type: 'approve', data: CHECKLIST });
    expect(approved.json()).toMatchObject({ instance: { status: 'running' } });
    expect((await openTasks('applicant')).map((t) => t.node)).toEqual(['contract']);
    expect(await openTasks('fin')).toEqual([]);

    const weak = await w.send('applicant', 'POST', APPS, { data: { ...application('OB26000044', 100000), registeredCapital: 60 } });
    const rejected = await w.send('applicant', 'PUT', `${APPS}/${weak.json().id}`, { data: { ...weak.json().data, status: 'submitted' }, revision: 1 });
    expect(rejected.json().data.status).toBe('rejected');
    const list = await w.send('admin', 'GET', `/api/apps/prm/flow-instances?recordId=${weak.json().id}`);
    expect(list.json().items).toMatchObject([{ status: 'completed', outcome: 'rejected' }]);
  });

  it('hides instances from people who neither took part nor may read the record', async () => {
    const record = await submitApplication(w, 'OB26000045', 100000);
    const [instance] = (await w.send('admin', 'GET', `/api/apps/prm/flow-instances?recordId=${record.id}`)).json().items;
    expect((await w.send('partner_a', 'GET', `/api/flow-instances/${instance.id}`)).statusCode).toBe(404);
    expect((await w.send('cm_east', 'GET', `/api/flow-instances/${instance.id}`)).statusCode).toBe(200);
    const withdrawn = await w.send('applicant', 'POST', `/api/flow-instances/${instance.id}/actions`, { type: 'withdraw' });
    expect(withdrawn.json().instance.status).toBe('withdrawn');
    expect((await openTasks('cm_east')).filter((t) => t.instanceId === instance.id)).toEqual([]);
  });
});
