/**
 * The PRM flows of the template, driven end to end through the pure flow engine with an in-memory
 * directory (the test double of the injected interface); record changes are applied to in-memory
 * records the way the server applies them inside its transaction.
 */
import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '@trellis/definitions';
import { createFormRuntime } from '@trellis/forms';
import { SYSTEM_ACTOR, timeline, triggerFires, validateFlow } from '@trellis/flow';
import { FlowDriver, memoryDirectory } from '@trellis/flow/testing';
import type { JsonSchemaObject } from '@trellis/rules';
import { entityOf, loadPrmTemplate } from './template.js';

const app = loadPrmTemplate();
const flowOf = (id: string): FlowDefinition => {
  const flow = app.flows?.find((f) => f.id === id);
  if (flow === undefined) throw new Error(`no flow ${id}`);
  return flow;
};
const CN = { utcOffsetMinutes: 480, holidays: ['2026-04-06'] };

const directory = memoryDirectory([
  { id: 'applicant', roles: ['partner_user'] },
  { id: 'partner_a', roles: ['partner_user'], partnerOrg: 'P260042' },
  { id: 'partner_b', roles: ['partner_user'], partnerOrg: 'P260042' },
  { id: 'cm_east', roles: ['channel_manager'], manager: 'sales_head', attributes: { regions: ['east'] } },
  { id: 'cm_south', roles: ['channel_manager'], manager: 'sales_head', attributes: { regions: ['south'] } },
  { id: 'fin', roles: ['finance'], manager: 'cfo' },
  { id: 'sales_head', roles: ['management'] },
  { id: 'cfo', roles: ['management'] },
]);

/** The record passes its entity's form runtime (schema, rules, required-when): what the server checks after a transition. */
function expectValid(entityId: string, values: Record<string, unknown>, now: string): void {
  const result = createFormRuntime(entityOf(app, entityId)).process(values, { now });
  expect(result.ok ? [] : result.errors.map((p) => `${p.path} ${p.code}`)).toEqual([]);
}

describe('the PRM flows', () => {
  const schemas = Object.fromEntries((app.entities ?? []).map((e) => [e.id, e.schema as JsonSchemaObject]));
  it.each(['partner_onboarding', 'mdf_request', 'red_yellow_card', 'incentive_run_approval'])('%s passes validateFlow against the template', (id) => {
    expect(validateFlow(flowOf(id), { entities: schemas, roles: (app.roles ?? []).map((r) => r.id) })).toEqual([]);
  });
});

/** An uploaded file as the attachment fields hold it. */
const file = (fileName: string) => ({ fileId: `f_${fileName.replace(/[^A-Za-z0-9]/g, '_')}`, fileName });

describe('partner onboarding', () => {
  const FRI = '2026-04-03T02:00:00.000Z'; // Friday 10:00 in Beijing; Monday 04-06 is a holiday
  const application = {
    applicationNo: 'OB26000042', appliedOn: '2026-04-01', status: 'submitted', companyName: '上海恒通贸易有限公司',
    partnerKind: 'distributor', creditCode: '91310000MA1FL0XX3B', legalRepresentative: '王海', registeredCapital: 2000,
    yearsInBusiness: 6, province: 'CN-SH', region: 'east', address: '上海市浦东新区世纪大道 100 号', contactName: '李娜',
    contactPhone: '13800138000', expectedAnnualSales: 20000000, requestedCreditLimit: 800000,
    foundedOn: '2019-03-01', contactEmail: 'lina@hengtong.example',
    documents: {
      businessLicense: file('licence.pdf'), taxRegistration: file('tax.pdf'), bankAccountProof: file('bank.pdf'),
      storePhotos: [file('store.jpg')], distributorAgreement: file('agreement-draft.pdf'),
    },
    checklist: { licenceVerified: false, creditCheckPassed: false, complianceTrainingDone: false, showcaseStoreChecked: false, noConflictOfInterest: false },
  };
  const start = (record: Record<string, unknown> = application): FlowDriver =>
    FlowDriver.start(flowOf('partner_onboarding'), { record: record as never, actor: 'applicant', recordOwner: 'applicant', recordOrg: 'P310001', now: FRI, directory, calendar: CN });

  it('starts when the application is submitted', () => {
    const ctx = { now: FRI, actor: 'applicant', record: {}, directory };
    expect(triggerFires(flowOf('partner_onboarding'), { kind: 'updated', before: { ...application, status: 'draft' }, after: application }, ctx)).toEqual({ ok: true, value: true });
    expect(triggerFires(flowOf('partner_onboarding'), { kind: 'updated', before: application, after: { ...application, address: 'x' } }, ctx)).toEqual({ ok: true, value: false });
  });

  it('runs from submission to an active, tiered partner, with a reminder and an escalation on working days', () => {
    const d = start();
    expect(d.record).toMatchObject({ status: 'under_review' });
    // only the channel manager of the application's region
    const regional = d.task('regional_review');
    expect(regional.seats.map((s) => s.user)).toEqual(['cm_east']);
    // Friday 10:00 + 1 working day skips the weekend and the Monday holiday: Tuesday; + 2: Wednesday
    expect(d.state.timers.map((t) => [t.kind, t.fireAt])).toEqual([
      ['reminder', '2026-04-07T02:00:00.000Z'], ['escalation', '2026-04-08T02:00:00.000Z'],
    ]);
    d.fire('reminder');
    expect(d.notifications('reminder').at(-1)?.recipients).toEqual(['cm_east']);
    d.fire('escalation');
    expect(d.task('regional_review').seats.filter((s) => s.status === 'open').map((s) => s.user)).toEqual(['sales_head']);
    d.act('sales_head', {
      type: 'approve', taskId: regional.id, comment: '资料齐全',
      data: { 'checklist.licenceVerified': true, 'checklist.complianceTrainingDone': true, 'checklist.showcaseStoreChecked': true, 'checklist.noConflictOfInterest': true },
    }, '2026-04-08T03:00:00.000Z');
    // 800,000 requested: finance approves too
    d.act('fin', { type: 'approve', taskId: d.task('finance_review').id, data: { 'checklist.creditCheckPassed': true } }, '2026-04-08T05:00:00.000Z');
    expect(d.record).toMatchObject({ status: 'approved', partnerId: 'P310001' });
    const contract = d.task('contract');
    expect(contract.seats.map((s) => s.user)).toEqual(['applicant']);
    expect(d.tryAct('applicant', { type: 'submit', taskId: contract.id, data: { requestedCreditLimit: 1 } }, '2026-04-09T01:00:00.000Z').map((p) => p.code)).toEqual(['FLOW_FIELD_NOT_EDITABLE']);
    d.act('applicant', { type: 'submit', taskId: contract.id, data: { 'documents.distributorAgreement': file('agreement-signed.pdf') } }, '2026-04-09T01:00:00.000Z');

    expect(d.state).toMatchObject({ status: 'completed', outcome: 'onboarded' });
    const [partner] = [...d.created.values()];
    expect(partner?.entity).toBe('partner');
    expect(partner?.values).toMatchObject({
      partnerId: 'P310001', name: '上海恒通贸易有限公司', kind: 'distributor', status: 'active', joinedOn: '2026-04-09',
      tierAbc: 'B', tierMetal: 'silver', creditLimit: 800000, contacts: [{ name: '李娜', phone: '13800138000', role: '主要联系人' }],
    });
    expectValid('partner', partner?.values ?? {}, '2026-04-09T01:00:00.000Z');
    expectValid('onboarding_application', d.record, '2026-04-09T01:00:00.000Z');
    expect(d.notifications('completed')[0]?.recipients).toEqual(['applicant']);
    expect(timeline(d.state).filter((e) => e.actor !== null && e.action !== 'task_opened').map((e) => `${e.actor} ${e.action}`)).toEqual([
      'applicant started', 'sales_head approved', 'fin approved', 'applicant submitted',
    ]);
  });

  it('numbers the partner after the applicant organisation, never after the application number', () => {
    // the application number would give P000042; another organisation may hold that id
    const small = { ...application, requestedCreditLimit: 100000, expectedAnnualSales: 1000000 };
    const d = start(small);
    d.act('cm_east', { type: 'approve', taskId: d.task('regional_review').id }, FRI);
    expect(d.record).toMatchObject({ status: 'approved', partnerId: 'P310001' });
    // an application filed outside any organisation (by an admin) cannot become a partner record
    const orphan = FlowDriver.start(flowOf('partner_onboarding'), { record: small as never, actor: 'applicant', recordOwner: 'applicant', now: FRI, directory, calendar: CN });
    orphan.act('cm_east', { type: 'approve', taskId: orphan.task('regional_review').id }, FRI);
    expect(orphan.record).toMatchObject({ status: 'approved', partnerId: null });
    const checked = createFormRuntime(entityOf(app, 'onboarding_application')).process(orphan.record, { now: FRI });
    expect(checked.ok ? [] : checked.errors.map((p) => p.path)).toContain('partnerId');
  });

  it('skips finance for a small credit limit, and rejects an unqualified application at once', () => {
    const small = start({ ...application, requestedCreditLimit: 100000, expectedAnnualSales: 1000000 });
    small.act('cm_east', { type: 'approve', taskId: small.task('regional_review').id }, FRI);
    expect(small.openNodes()).toEqual(['contract']);

    const weak = start({ ...application, registeredCapital: 60, requestedCreditLimit: 200000 });
    expect(weak.state.outcome).toBe('rejected');
    expect(weak.record).toMatchObject({ status: 'rejected', reviewComment: expect.stringContaining('未通过') });
    expectValid('onboarding_application', weak.record, FRI);
    expect(weak.notifications('notify_node')[0]?.recipients).toEqual(['applicant']);
  });

  it('lets the applicant withdraw before anyone acts, not after', () => {
    const early = start();
    early.act('applicant', { type: 'withdraw' }, FRI);
    expect(early.state.status).toBe('withdrawn');
    const late = start();
    late.act('cm_east', { type: 'return', taskId: late.task('regional_review').id, comment: '请补充门店照片' }, FRI);
    expect(late.tryAct('applicant', { type: 'withdraw' }, FRI).map((p) => p.code)).toEqual(['FLOW_WITHDRAW_TOO_LATE']);
    // returned to the start: the applicant corrects and resubmits
    const resubmit = late.task('submitted');
    late.act('applicant', { type: 'submit', taskId: resubmit.id, data: { 'documents.storePhotos': [] } }, FRI);
    expect(late.openNodes()).toEqual(['regional_review']);
  });
});

describe('MDF request', () => {
  const MON = '2026-05-04T02:00:00.000Z';
  const request = (amount: number): Record<string, unknown> => ({
    requestNo: 'MDF26000007', partnerId: 'P260042', appliedOn: '2026-05-04', activityName: '华东区新品发布会', activityType: 'product_launch',
    plannedDate: '2026-05-20', plannedEndDate: '2026-05-21', plan: '在上海举办新品发布会，邀请 200 位终端客户参加。', budget: amount * 2, coopShare: 0.5,
    requestedAmount: amount, status: 'submitted',
  });
  const start = (amount: number): FlowDriver =>
    FlowDriver.start(flowOf('mdf_request'), { record: request(amount) as never, actor: 'partner_a', now: MON, directory, calendar: CN });

  it('routes by amount: a manager below 50,000, a director from 50,000', () => {
    expect(start(20000).task('manager_review').seats.map((s) => s.user)).toEqual(['cm_east', 'cm_south']);
    expect(start(50000).task('director_review').seats.map((s) => s.user)).toEqual(['cfo', 'sales_head']);
  });

  it('runs request → approval → grant → claim with proof after the event → finance check → paid', () => {
    const d = start(30000);
    d.act('cm_south', { type: 'approve', taskId: d.task('manager_review').id, data: { approvedAmount: 25000 } }, '2026-05-04T06:00:00.000Z');
    expect(d.record).toMatchObject({ status: 'granted', approvedAmount: 25000 });
    expect(d.notifications('notify_node')[0]?.recipients).toEqual(['partner_a', 'partner_b']);
    // waits until the activity has ended (local midnight of plannedEndDate)
    expect(d.state.timers).toEqual([expect.objectContaining({ kind: 'wait', fireAt: '2026-05-20T16:00:00.000Z' })]);
    d.fire('wait');
    const claim = d.task('claim');
    expect(claim.seats.map((s) => s.user)).toEqual(['partner_a', 'partner_b']);
    const proof = {
      submittedOn: '2026-05-25', activityEndedOn: '2026-05-21', actualSpend: 52000, claimAmount: 25000,
      proofFiles: [file('invoice.pdf')],
      resultsReport: '发布会到场 180 人，收集有效线索 45 条，现场签约 3 家。', attendees: 180, leadsGenerated: 45,
    };
    d.act('partner_b', { type: 'submit', taskId: claim.id, data: proof }, '2026-05-25T02:00:00.000Z');
    const [made] = [...d.created.values()];
    expect(made?.values).toMatchObject({ requestNo: 'MDF26000007', partnerId: 'P260042', claimNo: 'MDC26000007', status: 'submitted', claimAmount: 25000 });
    expectValid('mdf_claim', made?.values ?? {}, '2026-05-25T02:00:00.000Z');
    // finance sends it back once for a missing invoice, the partner corrects the same claim
    d.act('fin', { type: 'return', taskId: d.task('finance_check').id, comment: '缺少场地费发票' }, '2026-05-26T02:00:00.000Z');
    d.act('partner_a', { type: 'submit', taskId: d.task('claim').id, data: { proofFiles: [...proof.proofFiles, file('venue.pdf')] } }, '2026-05-27T02:00:00.000Z');
    expect(d.created.size).toBe(1);
    d.act('fin', { type: 'approve', taskId: d.task('finance_check').id }, '2026-05-28T02:00:00.000Z');
    expect(d.state).toMatchObject({ status: 'completed', outcome: 'paid' });
    expect(d.record.status).toBe('closed');
    expect([...d.created.values()][0]?.values).toMatchObject({ status: 'paid' });
    expect((([...d.created.values()][0]?.values.proofFiles) as unknown[]).length).toBe(2);
    expectValid('mdf_request', d.record, '2026-05-28T02:00:00.000Z');
  });

  it('closes a rejected request and tells the partner', () => {
    const d = start(80000);
    d.act('cfo', { type: 'reject', taskId: d.task('director_review').id, comment: '预算不足' }, MON);
    expect(d.state.outcome).toBe('rejected');
    expect(d.record.status).toBe('rejected');
  });
});

describe('red/yellow card', () => {
  const Q3 = '2026-07-01T01:00:00.000Z'; // quarterly check, 09:00 Beijing
  const partner = {
    partnerId: 'P260042', name: '上海恒通贸易有限公司', kind: 'distributor', creditCode: '91310000MA1FL0XX3B', tierAbc: 'B', tierMetal: 'silver',
    province: 'CN-SH', region: 'east', status: 'active', joinedOn: '2025-01-10', creditLimit: 800000,
    contacts: [{ name: '李娜', phone: '13800138000' }], warnings: [],
  };
  const perf = (period: string, attainment: number) => ({ partnerId: 'P260042', period, attainment });
  const start = (lookups: ReturnType<typeof perf>[]): FlowDriver =>
    FlowDriver.start(flowOf('red_yellow_card'), { record: partner as never, actor: SYSTEM_ACTOR, now: Q3, directory, calendar: CN, lookups: { performance: lookups } });

  it('does nothing for a partner on target in either of the last two quarters', () => {
    expect(start([perf('2026-Q2', 0.7), perf('2026-Q1', 1.05)]).state.outcome).toBe('no_card');
    expect(start([perf('2026-Q2', 0.7)]).state.outcome).toBe('no_card');
  });

  it('raises a yellow card after two quarters below target, opens a review, and terminates without improvement', () => {
    const d = start([perf('2026-Q2', 0.8), perf('2026-Q1', 0.9)]);
    expect(d.record).toMatchObject({ status: 'warned', warnings: [{ card: 'yellow', issuedOn: '2026-07-01' }] });
    expectValid('partner', d.record, Q3);
    const review = d.task('review');
    expect(review.seats.map((s) => s.user)).toEqual(['cm_east']);
    d.act('cm_east', { type: 'submit', taskId: review.id, data: {}, comment: '已与伙伴约谈，制定改进计划' }, '2026-07-02T02:00:00.000Z');
    expect(d.state.timers).toEqual([expect.objectContaining({ kind: 'wait', fireAt: '2026-10-02T02:00:00.000Z' })]);
    d.lookups = { performance: [perf('2026-Q3', 0.85), perf('2026-Q2', 0.8)] }; // the server re-reads lookups before each transition
    d.fire('wait');
    d.act('sales_head', { type: 'approve', taskId: d.task('termination_review').id, comment: '终止合作' }, '2026-10-03T02:00:00.000Z');
    expect(d.state.outcome).toBe('terminated');
    expect(d.record).toMatchObject({ status: 'terminated', terminatedOn: '2026-10-03', warnings: [{ card: 'yellow' }, { card: 'red' }] });
    expectValid('partner', d.record, '2026-10-03T02:00:00.000Z');
  });

  it('lifts the card when the partner is back on target after three months', () => {
    const d = start([perf('2026-Q2', 0.8), perf('2026-Q1', 0.9)]);
    d.act('cm_east', { type: 'submit', taskId: d.task('review').id, data: {} }, Q3);
    d.lookups = { performance: [perf('2026-Q3', 1.1), perf('2026-Q2', 0.8)] };
    d.fire('wait');
    expect(d.state.outcome).toBe('lifted');
    expect(d.record.status).toBe('active');
  });
});

describe('incentive run approval', () => {
  const T0 = '2026-07-06T02:00:00.000Z'; // Monday 10:00 in Beijing
  const start = (actor: string) => FlowDriver.start(flowOf('incentive_run_approval'), { record: {}, actor, now: T0, directory, calendar: CN });

  it('goes to finance, never to whoever submitted the run, and ends approved or rejected', () => {
    // the only finance user submitted it: nobody is left to decide, so it cannot start
    expect(() => start('fin')).toThrow(/FLOW_NO_ASSIGNEES/);
    const d = start('cfo');
    expect(d.task('finance_review').seats.map((s) => s.user)).toEqual(['fin']);
    d.act('fin', { type: 'approve', taskId: d.task('finance_review').id }, '2026-07-06T05:00:00.000Z');
    expect([d.state.status, d.state.outcome]).toEqual(['completed', 'approved']);
    const r = start('cfo');
    r.act('fin', { type: 'reject', taskId: r.task('finance_review').id, comment: '华东区数据待核对' }, '2026-07-06T05:00:00.000Z');
    expect(r.state.outcome).toBe('rejected');
  });
});
