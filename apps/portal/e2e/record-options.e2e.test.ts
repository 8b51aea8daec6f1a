import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, type TestBrowser } from '../../server/src/testing/browser.js';
import { buildUi } from '../../server/src/testing/build-ui.js';
import { startLiveServer, type LiveServer } from '../../server/src/testing/live-server.js';
import { ApiClient } from './api.js';

/*
 * A form field whose options are another entity's records, in the portal on a Chinese phone: the
 * admin publishes an MDF request with a select and a checkbox list over partner records; the
 * partner is offered only its own organisation's record, picks it by name, and the stored request
 * holds the record's id. The same form carries an address field (province → city → district,
 * from China's divisions), drawn as the studio's preview draws it.
 */
const PORTAL_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const SHOTS = join(PORTAL_DIR, 'e2e', 'screenshots');
const CHINESE_PHONE = { viewport: { width: 375, height: 812 }, locale: 'zh-CN' };
const FROM_PARTNER = { optionsFrom: { entity: 'partner', labelField: 'name' } };
const ADDRESS = {
  type: 'object', additionalProperties: false,
  properties: { province: { type: 'string', maxLength: 50 }, city: { type: 'string', maxLength: 50 }, district: { type: 'string', maxLength: 50 }, street: { type: 'string', maxLength: 200 } },
};
const ORGS = [['P900101', '星河智能科技有限公司'], ['P900102', '远景贸易有限公司']] as const;

type Json = Record<string, unknown>;

let live: LiveServer;
let chromium: TestBrowser;
let admin: ApiClient;
const partnerIds: Record<string, string> = {};

/** Replaces a published definition with `change(body)` and publishes it. */
async function republish(kind: string, id: string, change: (body: Json) => Json): Promise<void> {
  const published = await admin.call<{ body: Json }>('GET', `/api/apps/prm/definitions/${kind}/${id}`);
  expect(published.status).toBe(200);
  const draft = await admin.call('PUT', `/api/apps/prm/definitions/${kind}/${id}/draft`, change(published.body.body));
  expect(draft.status, JSON.stringify(draft.body)).toBe(200);
  const done = await admin.call('POST', `/api/apps/prm/definitions/${kind}/${id}/publish`);
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

const withRecordOptions = (body: Json): Json => {
  const schema = body.schema as { properties: Json };
  const ui = body.ui as { uiSchema: Json; sections: { id: string; fields: string[] }[] };
  return {
    ...body,
    schema: { ...schema, properties: { ...schema.properties, venuePartner: { type: 'string' }, coHosts: { type: 'array', items: { type: 'string' } }, venue: ADDRESS } },
    fields: {
      ...(body.fields as Json),
      venuePartner: { label: { 'zh-CN': '承办伙伴', en: 'Hosting partner' } },
      coHosts: { label: { 'zh-CN': '协办伙伴', en: 'Co-hosts' } },
      venue: { label: { 'zh-CN': '活动地点', en: 'Venue' } },
    },
    ui: {
      ...ui,
      uiSchema: { ...ui.uiSchema, venuePartner: { 'ui:options': FROM_PARTNER }, coHosts: { 'ui:options': FROM_PARTNER }, venue: { 'ui:options': { kind: 'address' } } },
      sections: ui.sections.map((s) => (s.id === 'activity' ? { ...s, fields: [...s.fields, 'venuePartner', 'coHosts', 'venue'] } : s)),
    },
  };
};

beforeAll(async () => {
  const ui = await buildUi(PORTAL_DIR);
  live = await startLiveServer({ template: 'prm', uiRoots: { portal: ui } });
  chromium = await launchChromium();
  admin = new ApiClient(live.url);
  await admin.signIn(live.admin.username, live.admin.password);
  await republish('entity', 'mdf_request', withRecordOptions);
  await republish('permission', 'partner_file_mdf_requests', (body) => ({
    ...body, writableFields: [...(body.writableFields as string[]), 'venuePartner', 'coHosts', 'venue'],
  }));
  for (const [id, name] of ORGS) {
    await live.storage.transaction((tx) => tx.partnerOrgs.create({ id, name, region: 'east' }));
    const created = await admin.call<{ id: string }>('POST', '/api/apps/prm/records/partner', {
      data: {
        partnerId: id, name, kind: 'distributor', creditCode: '91310000MA1FL0XX1Y', joinedOn: '2024-01-15', tierAbc: 'B', tierMetal: 'silver', province: 'CN-SH', region: 'east', status: 'active',
        contacts: [{ name: '李星河', phone: '13800138000' }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    partnerIds[id] = created.body.id;
  }
  await live.createUser({ username: 'cm.east', roles: ['channel_manager'], regions: ['east'] });
}, 240_000);

afterAll(async () => {
  await chromium?.close();
  await live?.close();
});

describe("a field whose options are another entity's records", () => {
  it('offers the records the partner may read, by name, and stores the chosen id', async () => {
    const { password } = await live.createUser({ username: 'xinghe.li', roles: ['partner_user'], partnerOrg: 'P900101' });
    const page = await chromium.newPage(CHINESE_PHONE);
    await page.goto(`${live.url}/portal/login`);
    await page.getByLabel('用户名').fill('xinghe.li');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${live.url}/portal/mdf/new`);
    await page.locator('#wizard-step-title').getByText('第 1 步，共 2 步：活动计划').waitFor();

    const select = page.getByLabel('承办伙伴');
    await expect.poll(() => select.isEnabled(), { timeout: 10_000 }).toBe(true);
    // only its own organisation's record: the other partner's is not offered
    expect(await select.locator('option').allTextContents()).toEqual(['请选择…', '星河智能科技有限公司']);
    await select.selectOption({ label: '星河智能科技有限公司' });
    const coHosts = page.getByRole('group', { name: '协办伙伴' });
    await coHosts.getByLabel('星河智能科技有限公司').check();

    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('活动名称').fill('华东区新品发布会');
    await page.getByLabel('活动类型').selectOption({ label: '新品发布' });
    await page.getByLabel('计划开始日期').fill(day(30));
    await page.getByLabel('计划结束日期').fill(day(31));
    await page.getByLabel('活动方案').fill('在上海举办新品发布会，邀请 150 位渠道客户参加。');
    await select.scrollIntoViewIfNeeded();
    await screenshot(page, SHOTS, 'record-options-375-zh-CN');

    // the address: each level's list is narrowed by the one above; changing a level clears those below
    const venue = page.getByRole('group', { name: '活动地点' });
    const city = venue.getByLabel('城市');
    expect(await city.isDisabled()).toBe(true);
    await expect.poll(() => venue.getByLabel('省份').isEnabled(), { timeout: 10_000 }).toBe(true);
    await venue.getByLabel('省份').selectOption('浙江省');
    expect(await city.locator('option').allTextContents()).toContain('杭州市');
    expect(await city.locator('option').allTextContents()).not.toContain('广州市');
    await city.selectOption('宁波市');
    await venue.getByLabel('省份').selectOption('上海市');
    expect(await city.inputValue()).toBe('');
    await venue.getByLabel('省份').selectOption('浙江省');
    await city.selectOption('杭州市');
    await venue.getByLabel('区县').selectOption('西湖区');
    await venue.getByLabel('详细地址').fill('文三路 100 号');
    await venue.scrollIntoViewIfNeeded();
    await screenshot(page, SHOTS, 'address-375-zh-CN');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('#wizard-step-title').getByText('第 2 步，共 2 步：费用').waitFor();
    await page.getByLabel('活动总预算（元）').fill('100000');
    await page.getByLabel('公司分担比例').fill('0.5');
    await page.getByLabel('申请金额（元）').fill('40000');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { level: 1, name: '华东区新品发布会' }).waitFor();

    const id = page.url().split('/').pop() ?? '';
    const stored = await admin.call<{ data: Json }>('GET', `/api/apps/prm/records/mdf_request/${id}`);
    expect(stored.status).toBe(200);
    expect(stored.body.data).toMatchObject({ venuePartner: partnerIds.P900101, coHosts: [partnerIds.P900101], status: 'submitted',
      venue: { province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 100 号' },
    });
    await page.context().close();
  });
});
