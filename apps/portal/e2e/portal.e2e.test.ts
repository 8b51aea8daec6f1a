import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, type TestBrowser } from '../../server/src/testing/browser.js';
import { buildUi } from '../../server/src/testing/build-ui.js';
import { startLiveServer, type LiveServer } from '../../server/src/testing/live-server.js';
import { ApiClient } from './api.js';
import { PDF, PNG } from './files.js';

/*
 * The partner portal in Debian's Chromium against a real server with the PRM template: a channel
 * manager invites a partner, who registers on a phone in Chinese, fills the onboarding wizard with
 * uploads and submits; another partner typing the first one's addresses sees nothing.
 */
const PORTAL_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const SHOTS = join(PORTAL_DIR, 'e2e', 'screenshots');
const PHONE = { width: 375, height: 812 };
/** A Chinese phone: the browser's own widgets (date pickers) follow its locale. */
const CHINESE_PHONE = { viewport: PHONE, locale: 'zh-CN' };
const DESKTOP = { width: 1280, height: 900 };

let live: LiveServer;
let chromium: TestBrowser;
let manager: ApiClient;
let page: Page;
let applicationUrl = '';
let mdfUrl = '';
let licenceUrl = '';

beforeAll(async () => {
  const ui = await buildUi(PORTAL_DIR);
  live = await startLiveServer({ template: 'prm', uiRoots: { portal: ui } });
  chromium = await launchChromium();
  const { password } = await live.createUser({ username: 'cm.east', displayName: '王经理', roles: ['channel_manager'], regions: ['east'] });
  manager = new ApiClient(live.url);
  await manager.signIn('cm.east', password);
}, 240_000);

afterAll(async () => {
  await chromium?.close();
  await live?.close();
});

async function invite(id: string, name: string): Promise<string> {
  const res = await manager.call<{ token: string }>('POST', '/api/invitations', {
    partnerOrg: { id, name, region: 'east' }, roles: ['partner_user'], email: 'contact@example.com',
  });
  expect(res.status).toBe(201);
  return `${live.url}/portal/register?invitation=${res.body.token}`;
}

async function register(p: Page, link: string, username: string): Promise<void> {
  await p.goto(link);
  await p.getByLabel('用户名').fill(username);
  await field(p, '密码').fill('partner-pass-0001');
  await p.getByLabel('再次输入密码').fill('partner-pass-0001');
  await p.getByRole('button', { name: '创建账号' }).click();
  await p.getByRole('heading', { level: 1, name: /欢迎/ }).waitFor();
}

/** Waits for the wizard to show this step. */
const step = (p: Page, title: string) => p.locator('#wizard-step-title').getByText(title, { exact: true }).waitFor();
/** A field by its whole label (a required field's label ends with the star). */
const field = (p: Page, label: string) => p.getByLabel(new RegExp(`^${label.replace(/[()（）*+?.]/g, '\\$&')}\\*?$`));

describe('the partner portal on a phone, in Chinese', () => {
  it('registers with an invitation link', async () => {
    page = await chromium.newPage(CHINESE_PHONE);
    const link = await invite('P900001', '星河智能科技有限公司');
    await page.goto(link);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByText('您受邀代表“星河智能科技有限公司”使用伙伴门户。').count(), { timeout: 10_000 }).toBe(1);
    await field(page, '密码').fill('short');
    await page.getByRole('button', { name: '创建账号' }).click();
    await expect.poll(() => page.getByText('密码至少 10 个字符。').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, SHOTS, 'register-375-zh-CN');
    await register(page, link, 'xinghe.li');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('欢迎，星河智能科技有限公司');
  });

  it('checks each wizard page with the form rules and shows the problems on the fields', async () => {
    await page.getByRole('link', { name: '开始申请' }).click();
    await step(page, '第 1 步，共 4 步：企业信息');
    expect(await page.getByLabel('企业/团队名称').inputValue()).toBe('星河智能科技有限公司');
    // no kind chosen yet: the kind-specific fields are not there
    expect(await page.getByLabel('统一社会信用代码').count()).toBe(0);
    await page.getByLabel('伙伴类型').selectOption({ label: '经销商' });
    await expect.poll(() => page.getByLabel('统一社会信用代码').count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: '下一步' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('请修正以下');
    await screenshot(page, SHOTS, 'wizard-errors-375-zh-CN');
    await step(page, '第 1 步，共 4 步：企业信息');
    await page.getByLabel('统一社会信用代码').fill('91310000MA1FL0XX1Y');
    await page.getByLabel('法定代表人').fill('李星河');
    await page.getByLabel('注册资本（万元）').fill('30');
    await page.getByLabel('成立日期').fill('2015-04-01');
    await page.getByRole('button', { name: '下一步' }).click();
    // the template's own validation: a distributor needs at least CNY 500,000
    await page.getByText('经销商注册资本不得低于 50 万元。').first().waitFor();
    // (the onboarding flow's qualification check reads this field as yuan, so a large value passes it)
    await page.getByLabel('注册资本（万元）').fill('600');
    await expect.poll(() => page.locator('.error-summary').count()).toBe(0);
    expect(await page.getByLabel('经营年限（年）').inputValue()).not.toBe('');
  });

  it('saves a draft without the documents to the account and continues it on another device', async () => {
    await page.getByRole('button', { name: '下一步' }).click();
    await step(page, '第 2 步，共 4 步：区域与联系人');
    await page.getByLabel('省份').selectOption({ label: '上海' });
    await page.getByLabel('经营地址').fill('上海市浦东新区世纪大道 100 号');
    await field(page, '联系人').fill('李星河');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('联系邮箱').fill('li@xinghe.example.com');
    // the documents are still missing: the server stores it as a draft (the template's `drafts` rule)
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存到您的账号，可随时在任何设备上继续填写。').waitFor();
    expect(page.url()).toMatch(/\/portal\/applications\/[0-9a-f-]{36}\/edit\?step=2$/);
    await screenshot(page, SHOTS, 'draft-saved-375-zh-CN');
    await page.context().close();

    // a fresh browser: nothing of the draft is on this device
    page = await chromium.newPage(CHINESE_PHONE);
    await page.goto(`${live.url}/portal/`);
    await page.getByLabel('用户名').fill('xinghe.li');
    await page.getByLabel('密码').fill('partner-pass-0001');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /欢迎/ }).waitFor();
    expect(await page.locator('section[aria-labelledby="home-application"] .badge').textContent()).toBe('草稿');
    await page.getByRole('link', { name: '继续填写申请' }).click();
    await step(page, '第 1 步，共 4 步：企业信息');
    expect(await page.getByLabel('法定代表人').inputValue()).toBe('李星河');
    await page.getByRole('button', { name: '下一步' }).click();
    await step(page, '第 2 步，共 4 步：区域与联系人');
    expect(await page.getByLabel('经营地址').inputValue()).toBe('上海市浦东新区世纪大道 100 号');
    // computed from the province by the template's rule
    expect(await page.getByLabel('所属大区').locator('option:checked').textContent()).toBe('华东');
  });

  it('uploads the documents the partner kind requires, with progress, and submits', async () => {
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('预计年销售额（元）').fill('12000000');
    await page.getByLabel('申请授信额度（元）').fill('400000');
    await page.getByRole('button', { name: '下一步' }).click();
    await step(page, '第 4 步，共 4 步：证照资料');
    // a distributor files these; an independent representative's ID card is not asked for
    expect(await page.getByLabel('身份证复印件').count()).toBe(0);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary li').count()).toBe(5);
    const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: PDF });
    await field(page, '营业执照').setInputFiles(pdf('营业执照.pdf'));
    await page.getByRole('link', { name: '营业执照.pdf' }).waitFor();
    await field(page, '税务登记证明').setInputFiles(pdf('税务登记.pdf'));
    await page.getByRole('link', { name: '税务登记.pdf' }).waitFor();
    await field(page, '银行开户证明').setInputFiles(pdf('开户许可证.pdf'));
    await page.getByRole('link', { name: '开户许可证.pdf' }).waitFor();
    await field(page, '经销协议').setInputFiles(pdf('经销协议.pdf'));
    await page.getByRole('link', { name: '经销协议.pdf' }).waitFor();
    await field(page, '样板店/门店照片').setInputFiles([
      { name: '门头.png', mimeType: 'image/png', buffer: PNG }, { name: '陈列.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await page.getByRole('link', { name: '陈列.png' }).waitFor();
    // a file the server does not accept is refused on the field
    await field(page, '营业执照').setInputFiles({ name: 'virus.exe', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    await page.locator('.attachment-field [role="alert"]').waitFor();
    await screenshot(page, SHOTS, 'wizard-documents-375-zh-CN');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { level: 1, name: '申请进度' }).waitFor();
    expect(page.url()).toMatch(/\/portal\/applications\/[0-9a-f-]{36}$/);
    applicationUrl = page.url();
    // the flow's automatic check ran on submission: it waits for the channel manager now
    expect(await page.getByTestId('application-status').textContent()).toBe('审核中');
    await screenshot(page, SHOTS, 'status-375-zh-CN');
    // the documents belong to the application now: its channel manager opens them
    const application = await manager.call<{ data: { documents: { businessLicense: { fileId: string } } } }>(
      'GET', `/api/apps/prm/records/onboarding_application/${applicationUrl.split('/').pop() ?? ''}`);
    licenceUrl = `/api/attachments/${application.body.data.documents.businessLicense.fileId}`;
    const licence = await manager.download(licenceUrl);
    expect(licence.status).toBe(200);
    expect(licence.bytes.equals(PDF)).toBe(true);
  });
});

interface OpenTask { id: string; node: string; recordId: string | null }
const CHECKLIST = {
  'checklist.licenceVerified': true, 'checklist.complianceTrainingDone': true, 'checklist.showcaseStoreChecked': true,
  'checklist.noConflictOfInterest': true, 'checklist.creditCheckPassed': true,
};

async function managerTask(node: string): Promise<OpenTask> {
  const res = await manager.call<{ items: OpenTask[] }>('GET', '/api/tasks?status=open');
  const task = res.body.items.find((t) => t.node === node && applicationUrl.endsWith(t.recordId ?? '-'));
  if (task === undefined) throw new Error(`the channel manager has no ${node} task: ${JSON.stringify(res.body.items)}`);
  return task;
}

describe('the application through its flow', () => {
  it('is returned by the channel manager, corrected and resubmitted by the partner', async () => {
    const review = await managerTask('regional_review');
    const returned = await manager.call('POST', `/api/tasks/${review.id}/actions`, { type: 'return', to: 'submitted', comment: '营业执照扫描件不清晰，请重新上传。' });
    expect(returned.status).toBe(200);
    await page.goto(applicationUrl);
    await page.getByTestId('flow-returned').getByText('营业执照扫描件不清晰，请重新上传。').waitFor();
    await screenshot(page, SHOTS, 'returned-375-zh-CN');
    await page.getByRole('link', { name: '修改并重新提交' }).click();
    await step(page, '第 1 步，共 4 步：企业信息');
    await page.goto(`${applicationUrl}/edit?step=4`);
    await step(page, '第 4 步，共 4 步：证照资料');
    await page.getByRole('button', { name: '删除 营业执照.pdf' }).click();
    await field(page, '营业执照').setInputFiles({ name: '营业执照-清晰版.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('link', { name: '营业执照-清晰版.pdf' }).waitFor();
    await page.getByRole('button', { name: '重新提交申请' }).click();
    await page.getByRole('heading', { level: 1, name: '申请进度' }).waitFor();
    await page.getByTestId('flow-current').getByText('当前环节：区域渠道经理审批').waitFor();
  });

  it('is approved, the partner signs the contract from the inbox and becomes an active, tiered partner', async () => {
    const review = await managerTask('regional_review');
    const approved = await manager.call('POST', `/api/tasks/${review.id}/actions`, { type: 'approve', comment: '资料齐全，同意准入。', data: CHECKLIST });
    expect(approved.status).toBe(200);
    await page.goto(`${live.url}/portal/tasks`);
    await page.getByRole('link', { name: '伙伴签署合同' }).click();
    await page.getByRole('heading', { level: 1, name: '伙伴签署合同' }).waitFor();
    await field(page, '经销协议').setInputFiles({ name: '经销协议-已签署.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('link', { name: '经销协议-已签署.pdf' }).waitFor();
    await screenshot(page, SHOTS, 'contract-task-375-zh-CN');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '申请进度' }).waitFor();
    expect(await page.getByTestId('application-status').textContent()).toBe('已通过');
    await page.getByTestId('flow-current').getByText('已办结').waitFor();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的企业' }).click();
    await page.getByRole('heading', { level: 1, name: '星河智能科技有限公司' }).waitFor();
    const standing = page.locator('section[aria-labelledby="org-headline"]');
    await expect.poll(() => standing.getByText('合作中', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => standing.getByText('银牌', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => standing.getByText('¥400,000.00').count(), { timeout: 10_000 }).toBe(1);
  });
});

describe('incentives', () => {
  /** Sales figures as an operations import would store them, and one certification. */
  async function seedFigures(): Promise<void> {
    await live.storage.transaction(async (tx) => {
      const page = await tx.records.list({ app: 'prm', entity: 'partner', filter: { '==': [{ var: 'partnerId' }, 'P900001'] } });
      const partner = page.items[0];
      if (partner === undefined) throw new Error('no partner record for P900001');
      await tx.records.update({
        id: partner.id, expectedRevision: partner.revision, actor: 'test',
        data: { ...partner.data, certifications: [{ type: 'sales', level: 'professional', obtainedOn: '2026-01-10', expiresOn: '2028-01-10' }] },
      });
      for (const [year, quarter, actual] of [[2025, 4, 1000000], [2026, 4, 1250000]] as const) {
        await tx.records.create({
          app: 'prm', entity: 'performance', definitionVersion: 1, actor: 'test', partnerOrg: 'P900001',
          data: { partnerId: 'P900001', year, quarter, period: `${year}-Q${quarter}`, target: 1000000, actual, attainment: actual / 1000000 },
        });
      }
    });
  }

  /** Finance runs the period and submits it; a second finance user approves in the approval flow; the run is final. */
  async function finalRun(period: string): Promise<void> {
    const users = await Promise.all(['fin.a', 'fin.b'].map(async (username) => {
      const { password } = await live.createUser({ username, roles: ['finance'] });
      const client = new ApiClient(live.url);
      await client.signIn(username, password);
      return client;
    }));
    const [a, b] = users as [ApiClient, ApiClient];
    const started = await a.call<{ id: string }>('POST', '/api/apps/prm/incentives/runs', { period, programs: ['quarterly_growth_rebate'] });
    expect(started.status).toBe(202);
    await expect.poll(async () => (await a.call<{ status: string }>('GET', `/api/apps/prm/incentives/runs/${started.body.id}`)).body.status, { timeout: 30_000 }).toBe('computed');
    // submitting starts the template's approval flow; the other finance user's approval makes the run final
    for (const [who, action] of [[a, 'submit'], [b, 'approve']] as const) {
      expect((await who.call('POST', `/api/apps/prm/incentives/runs/${started.body.id}/${action}`)).status).toBe(200);
    }
    expect((await a.call<{ status: string }>('GET', `/api/apps/prm/incentives/runs/${started.body.id}`)).body.status).toBe('final');
  }

  it('shows the statement with each line explained, and the calculator agrees with it', async () => {
    await seedFigures();
    await finalRun('2026-Q4');
    await page.goto(`${live.url}/portal/incentives`);
    await page.getByLabel('期间（如 2026-Q2）').fill('2026-Q4');
    const amount = page.getByTestId('amount-quarterly_growth_rebate');
    await amount.waitFor();
    // 25% growth: 2% of 1,250,000
    expect(await amount.textContent()).toBe('¥25,000.00');
    await expect.poll(() => page.getByText('1,250,000.00 × 2% = 25,000.00').count(), { timeout: 10_000 }).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载（CSV）' }).click();
    expect((await download).suggestedFilename()).toBe('statement-2026-Q4.csv');
    await screenshot(page, SHOTS, 'statement-375-zh-CN');

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '激励测算' }).click();
    await page.getByLabel('激励方案').selectOption({ label: '季度增长返点' });
    await page.getByLabel('期间（如 2026-Q2）').fill('2026-Q4');
    await page.getByRole('button', { name: '测算' }).click();
    expect(await page.getByTestId('calculator-total').textContent()).toBe('¥25,000.00');
    // selling 100,000 more lifts growth to 35%: 3% of 1,350,000
    await page.getByLabel('本季度销售额：再增加多少').fill('100000');
    await page.getByRole('button', { name: '测算' }).click();
    await page.getByTestId('calculator-total').getByText('¥40,500.00').waitFor();
    await expect.poll(() => page.getByText('按实际业绩：¥25,000.00（差额 ¥15,500.00）。').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, SHOTS, 'calculator-375-zh-CN');
  });
});

describe('marketing development funds', () => {
  it('files a request through the wizard and follows it', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${live.url}/portal/mdf`);
    await page.getByRole('link', { name: '申请市场活动经费' }).click();
    await step(page, '第 1 步，共 2 步：活动计划');
    await page.getByLabel('活动名称').fill('华东区新品发布会');
    await page.getByLabel('活动类型').selectOption({ label: '新品发布' });
    await page.getByLabel('计划开始日期').fill(day(30));
    await page.getByLabel('计划结束日期').fill(day(31));
    await page.getByLabel('活动方案').fill('在上海举办新品发布会，邀请 150 位渠道客户参加。');
    await page.getByRole('button', { name: '下一步' }).click();
    await step(page, '第 2 步，共 2 步：费用');
    await page.getByLabel('活动总预算（元）').fill('100000');
    await page.getByLabel('公司分担比例').fill('0.5');
    await page.getByLabel('申请金额（元）').fill('60000');
    await page.getByRole('button', { name: '提交申请' }).click();
    // the template's rule: at most budget × share
    await page.locator('.error-summary').getByText('申请金额不得超过活动总预算 × 公司分担比例。').waitFor();
    // below 50,000 the channel manager decides alone
    await page.getByLabel('申请金额（元）').fill('40000');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { level: 1, name: '华东区新品发布会' }).waitFor();
    expect(page.url()).toMatch(/\/portal\/mdf\/[0-9a-f-]{36}$/);
    mdfUrl = page.url();
    await page.getByTestId('flow-current').getByText(/^当前环节：/).waitFor();
    await screenshot(page, SHOTS, 'mdf-375-zh-CN');
    await page.goto(`${live.url}/portal/mdf`);
    await page.getByRole('link', { name: '华东区新品发布会' }).waitFor();
  });

  it('is granted; after the activity the partner claims from the inbox with proof, and follows it to paid', async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const mdfId = mdfUrl.split('/').pop() ?? '';
    const taskOn = async (who: ApiClient, node: string) => {
      const open = await who.call<{ items: OpenTask[] }>('GET', '/api/tasks?status=open');
      const task = open.body.items.find((t) => t.node === node && t.recordId === mdfId);
      if (task === undefined) throw new Error(`no open ${node} task on the request: ${JSON.stringify(open.body.items)}`);
      return task;
    };
    // finance's check is assigned to the finance users there are when the claim comes in
    const { password } = await live.createUser({ username: 'fin.mdf', roles: ['finance'] });
    const finance = new ApiClient(live.url);
    await finance.signIn('fin.mdf', password);
    const review = await taskOn(manager, 'manager_review');
    expect((await manager.call('POST', `/api/tasks/${review.id}/actions`, { type: 'approve', comment: '同意，请按方案执行。', data: { approvedAmount: 36000 } })).status).toBe(200);
    await page.goto(mdfUrl);
    expect(await page.getByTestId('mdf-status').textContent()).toBe('已拨付');
    await page.getByTestId('flow-current').getByText('当前环节：等待活动结束').waitFor();
    await expect.poll(() => page.getByText('¥36,000.00').count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, SHOTS, 'mdf-granted-375-zh-CN');

    // the flow waits for the planned end date; the timers due by two days later fire now
    await live.app.jobs.worker.runDue(new Date(Date.now() + 33 * 86_400_000));
    await page.goto(`${live.url}/portal/tasks`);
    await page.getByRole('link', { name: '伙伴提交核销凭证' }).click();
    await page.getByRole('heading', { level: 1, name: '伙伴提交核销凭证' }).waitFor();
    await page.getByLabel('提交日期').fill(day(32));
    await page.getByLabel('活动结束日期').fill(day(31));
    await page.getByLabel('实际花费（元）').fill('80000');
    await page.getByLabel('申请核销金额（元）').fill('90000');
    await field(page, '费用凭证').setInputFiles([
      { name: '场地发票.pdf', mimeType: 'application/pdf', buffer: PDF }, { name: '现场照片.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await page.getByRole('link', { name: '现场照片.png' }).waitFor();
    await page.getByLabel('活动效果报告').fill('发布会到场 160 人，现场签约 12 家，获取有效线索 85 条。');
    await page.getByLabel('参与人数').fill('160');
    await page.getByLabel('获取线索数').fill('85');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    // the template's rule, checked by the server, shown on the field
    await page.getByText('核销金额不得超过实际花费。').first().waitFor();
    await screenshot(page, SHOTS, 'mdf-claim-375-zh-CN');
    await page.getByLabel('申请核销金额（元）').fill('36000');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '华东区新品发布会' }).waitFor();
    expect(page.url()).toBe(mdfUrl);
    await page.getByTestId('flow-current').getByText('当前环节：财务核查').waitFor();
    expect(await page.getByRole('link', { name: '伙伴提交核销凭证' }).count()).toBe(0);

    const check = await taskOn(finance, 'finance_check');
    expect((await finance.call('POST', `/api/tasks/${check.id}/actions`, { type: 'approve', comment: '凭证齐全，同意付款。' })).status).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByTestId('mdf-status').textContent(), { timeout: 10_000 }).toBe('已关闭');
    await page.getByTestId('flow-current').getByText('已付款').waitFor();
    await screenshot(page, SHOTS, 'mdf-paid-375-zh-CN');
  });
});

describe('another partner', () => {
  it("sees nothing of the first partner's application, whatever address is typed", async () => {
    const other = await chromium.newPage(CHINESE_PHONE);
    await register(other, await invite('P900002', '远山贸易有限公司'), 'yuanshan.zhao');
    for (const url of [applicationUrl, `${applicationUrl}/edit`, mdfUrl]) {
      await other.goto(url);
      await other.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
      expect(await other.getByText('星河').count()).toBe(0);
    }
    await screenshot(other, SHOTS, 'not-found-375-zh-CN');
    expect((await other.request.get(`${live.url}${licenceUrl}`)).status()).toBe(404);
    await other.goto(`${live.url}/portal/`);
    await other.getByRole('link', { name: '开始申请' }).waitFor();
    await other.goto(`${live.url}/portal/organisation`);
    await other.getByText('申请通过后将建立您的企业档案。').waitFor();
    await other.context().close();
  });
});

describe('self-registration, which the PRM template allows', () => {
  it('signs up from the login page, is refused a taken address, and starts the application', async () => {
    const p = await chromium.newPage(CHINESE_PHONE);
    await p.goto(`${live.url}/portal/login`);
    await p.getByRole('link', { name: '申请注册' }).waitFor();
    await screenshot(p, SHOTS, 'login-375-zh-CN');
    await p.getByRole('link', { name: '申请注册' }).click();
    await p.getByRole('heading', { level: 1, name: '成为合作伙伴' }).waitFor();
    for (const lang of ['en', 'zh-CN'] as const) {
      await p.getByRole('combobox', { name: /^(语言|Language)$/ }).selectOption(lang);
      await p.getByRole('heading', { level: 1, name: lang === 'en' ? 'Become a partner' : '成为合作伙伴' }).waitFor();
      for (const viewport of [DESKTOP, PHONE]) {
        await p.setViewportSize(viewport);
        await screenshot(p, SHOTS, `signup-${viewport.width}-${lang}`);
      }
    }
    const fill = async (email: string) => {
      await field(p, '企业名称').fill('青禾数码有限公司');
      await p.getByLabel('您的姓名').fill('陈青禾');
      await field(p, '电子邮箱').fill(email);
      await field(p, '密码').fill('partner-pass-0003');
      await field(p, '再次输入密码').fill('partner-pass-0003');
      await p.getByRole('button', { name: '创建账号' }).click();
    };
    // an address taken by an earlier sign-up is refused on its field
    const earlier = await fetch(`${live.url}/api/apps/prm/registrations`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisation: { name: '早鸟贸易' }, email: 'taken@qinghe.example.com', password: 'partner-pass-0002' }),
    });
    expect(earlier.status).toBe(201);
    await fill('taken@qinghe.example.com');
    await p.getByText('该邮箱已注册，请直接登录').waitFor();
    await screenshot(p, SHOTS, 'signup-taken-375-zh-CN');
    await fill('chen@qinghe.example.com');
    await p.getByRole('heading', { level: 1, name: '欢迎，青禾数码有限公司' }).waitFor();
    await p.getByRole('link', { name: '开始申请' }).click();
    await step(p, '第 1 步，共 4 步：企业信息');
    expect(await p.getByLabel('企业/团队名称').inputValue()).toBe('青禾数码有限公司');
    await p.context().close();
  });
});

describe('the keyboard', () => {
  it('reaches everything on the sign-in page in order and signs in without a mouse', async () => {
    const p = await chromium.newPage(CHINESE_PHONE);
    await p.goto(`${live.url}/portal/`);
    await p.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    const focused = () => p.evaluate(() => {
      const el = document.activeElement;
      return el === null ? '' : (el.getAttribute('name') ?? el.textContent ?? '').trim();
    });
    await p.keyboard.press('Tab');
    expect(await focused()).toBe('跳到正文');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    expect(await focused()).toBe('username');
    await p.keyboard.type('yuanshan.zhao');
    await p.keyboard.press('Tab');
    expect(await focused()).toBe('password');
    await p.keyboard.type('partner-pass-0001');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: '欢迎，远山贸易有限公司' }).waitFor();
    await p.context().close();
  });
});

describe('every page at desktop and phone width, in both languages', () => {
  it('lays the pages out and switches language everywhere', async () => {
    const pages = [['status', applicationUrl], ['organisation', `${live.url}/portal/organisation`], ['home', `${live.url}/portal/`],
      ['tasks', `${live.url}/portal/tasks`], ['calculator', `${live.url}/portal/calculator`], ['mdf', `${live.url}/portal/mdf`],
      ['mdf-request', mdfUrl], ['not-found', `${applicationUrl}0`]] as const;
    for (const lang of ['zh-CN', 'en'] as const) {
      await page.goto(`${live.url}/portal/`);
      await page.getByRole('combobox', { name: /^(语言|Language)$/ }).selectOption(lang);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      for (const [name, url] of pages) {
        for (const viewport of [DESKTOP, PHONE]) {
          await page.setViewportSize(viewport);
          await page.goto(url);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await page.waitForLoadState('networkidle');
          await screenshot(page, SHOTS, `${name}-${viewport.width}-${lang}`);
        }
      }
    }
    // English throughout, dates and money written the English way
    await page.goto(`${live.url}/portal/organisation`);
    await page.getByRole('heading', { level: 2, name: 'Tier and standing' }).waitFor();
    await expect.poll(() => page.getByText('CN¥400,000.00').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByText('Silver', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
  });
});
