/**
 * For the flow API tests: the PRM app imported with its own grants, the people of the flows
 * (with regions and managers), a clock the test moves, and request helpers per person.
 */
import type { LightMyRequestResponse } from 'fastify';
import { loadPrmTemplate } from '@trellis/seed';
import { importTemplate } from '../services/import-template.js';
import { createTestApp, type TestApp } from './test-app.js';

/** A clock that stands still until the test moves it (timers fire when the test says so). */
/** The HMAC key the flow world's webhooks are signed with. */
export const WEBHOOK_SECRET = 'flow-test-webhook-secret';

export class TestClock {
  private at: number;

  constructor(start: string) {
    this.at = Date.parse(start);
  }

  now(): Date {
    return new Date(this.at);
  }

  set(iso: string): void {
    this.at = Date.parse(iso);
  }
}

export const PERSONS = ['sales_head', 'cfo', 'cm_east', 'cm_south', 'fin', 'applicant', 'partner_a', 'partner_b'] as const;
export type Person = (typeof PERSONS)[number];

export interface FlowWorld {
  readonly t: TestApp;
  readonly clock: TestClock;
  readonly ids: Record<Person | 'admin', string>;
  send(who: Person | 'admin', method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** runs every job due now (timers, outbox), as the worker's poll would */
  runDue(): Promise<void>;
  close(): Promise<void>;
}

/** Everyone has an address at example.test; with `smtpUrl`, flow emails go to that server. */
export async function flowWorld(start: string, options: { smtpUrl?: string } = {}): Promise<FlowWorld> {
  const clock = new TestClock(start);
  // sessions outlast the months the test's clock moves through
  const t = await createTestApp({ clock, sessions: { ttlMs: 365 * 24 * 3600 * 1000 }, jobs: { webhookSecret: WEBHOOK_SECRET, ...(options.smtpUrl === undefined ? {} : { smtpUrl: options.smtpUrl }) } });
  await importTemplate(t.storage, loadPrmTemplate(), { actor: 'test' });
  await t.storage.transaction(async (tx) => {
    await tx.partnerOrgs.create({ id: 'P310001', name: '上海恒通贸易有限公司', region: 'east' });
    await tx.partnerOrgs.create({ id: 'P260042', name: '苏州远景科技有限公司', region: 'east' });
  });
  const ids = {} as Record<Person | 'admin', string>;
  const cookies = {} as Record<Person | 'admin', string>;
  const make = async (username: Person, roles: string[], extra: { regions?: string[]; manager?: Person; partnerOrg?: string } = {}) => {
    const { user, password } = await t.createUser({
      username, roles, email: `${username}@example.test`, ...(extra.regions === undefined ? {} : { regions: extra.regions }),
      ...(extra.manager === undefined ? {} : { manager: ids[extra.manager] }), ...(extra.partnerOrg === undefined ? {} : { partnerOrg: extra.partnerOrg }),
    });
    ids[username] = user.id;
    cookies[username] = await t.login(username, password);
  };
  await make('sales_head', ['management']);
  await make('cfo', ['management']);
  await make('cm_east', ['channel_manager'], { regions: ['east'], manager: 'sales_head' });
  await make('cm_south', ['channel_manager'], { regions: ['south'], manager: 'sales_head' });
  await make('fin', ['finance'], { manager: 'cfo' });
  await make('applicant', ['partner_user'], { partnerOrg: 'P310001' });
  await make('partner_a', ['partner_user'], { partnerOrg: 'P260042' });
  await make('partner_b', ['partner_user'], { partnerOrg: 'P260042' });
  cookies.admin = await t.login('admin', t.adminPassword);
  ids.admin = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookies.admin } })).json().id;
  return {
    t, clock, ids,
    send: (who, method, url, payload, headers = {}) =>
      t.app.inject({ method, url, headers: { cookie: cookies[who], ...headers }, ...(payload === undefined ? {} : { payload }) }),
    async runDue() {
      await t.app.jobs.worker.runDue(clock.now());
    },
    close: () => t.close(),
  };
}

export const file = (fileName: string) => ({ fileId: `f_${fileName.replace(/[^A-Za-z0-9]/g, '_')}`, fileName });
export const APPLICATIONS = '/api/apps/prm/records/onboarding_application';

export const application = (no: string, requestedCreditLimit: number) => ({
  applicationNo: no, companyName: '上海恒通贸易有限公司', partnerKind: 'distributor', creditCode: '91310000MA1FL0XX3B',
  legalRepresentative: '王海', registeredCapital: 2000, foundedOn: '2019-03-01', province: 'CN-SH',
  address: '上海市浦东新区世纪大道 100 号', contactName: '李娜', contactPhone: '13800138000', contactEmail: 'lina@hengtong.example',
  expectedAnnualSales: 20000000, requestedCreditLimit,
  documents: {
    businessLicense: file('licence.pdf'), taxRegistration: file('tax.pdf'), bankAccountProof: file('bank.pdf'),
    storePhotos: [file('store.jpg')], distributorAgreement: file('agreement-draft.pdf'),
  },
});

/** The applicant files a draft and submits it; returns the record as the API answered. */
export async function submitApplication(world: FlowWorld, no: string, limit: number): Promise<{ id: string; data: Record<string, unknown> }> {
  const draft = await world.send('applicant', 'POST', APPLICATIONS, { data: application(no, limit) });
  if (draft.statusCode !== 201) throw new Error(`draft: ${draft.statusCode} ${draft.body}`);
  const submitted = await world.send('applicant', 'PUT', `${APPLICATIONS}/${draft.json().id}`, { data: { ...draft.json().data, status: 'submitted' }, revision: 1 });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  return submitted.json();
}

