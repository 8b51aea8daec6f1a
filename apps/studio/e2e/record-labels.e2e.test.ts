import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSignedIn, screenshot, type Studio } from './harness.js';

/*
 * Records read in the admin's language: once the partner form gives its region options labels,
 * the records table and the record page show those labels instead of the stored codes, and the
 * history names the user who changed the record instead of the user's id.
 */
let studio: Studio;
let page: Page;
const REGIONS = {
  north: { en: 'North China', 'zh-CN': '华北' }, northeast: { en: 'Northeast China', 'zh-CN': '东北' }, east: { en: 'East China', 'zh-CN': '华东' },
  central: { en: 'Central China', 'zh-CN': '华中' }, south: { en: 'South China', 'zh-CN': '华南' }, southwest: { en: 'Southwest China', 'zh-CN': '西南' },
  northwest: { en: 'Northwest China', 'zh-CN': '西北' },
};

/** The studio's own API as the signed-in admin (the page's session cookie). */
async function call(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await page.request.fetch(`${studio.server.url}/api${path}`, { method, ...(body === undefined ? {} : { data: body }) });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return response.status() === 204 ? {} : await response.json() as Record<string, unknown>;
}

beforeAll(async () => {
  studio = await openSignedIn({ template: 'prm', sample: true, partners: 5 });
  page = studio.page;
  const published = await call('GET', '/apps/prm/definitions/entity/partner');
  const body = published.body as { ui: { uiSchema: Record<string, Record<string, unknown>> } };
  body.ui.uiSchema.region = { ...body.ui.uiSchema.region, 'ui:options': { labels: REGIONS } };
  await call('PUT', '/apps/prm/definitions/entity/partner/draft', body);
  await call('POST', '/apps/prm/definitions/entity/partner/publish');
}, 240_000);

afterAll(async () => {
  await studio?.close();
});

describe('records in the admin\'s language', () => {
  it('shows option labels in the records table', async () => {
    await page.goto(`${studio.url}#/records/prm/partner`);
    await page.getByRole('checkbox', { name: 'Sales region' }).check();
    await page.locator('td[data-column="region"]').first().waitFor();
    const regions = await page.locator('td[data-column="region"]').allTextContents();
    const english = new Set(Object.values(REGIONS).map((r) => r.en));
    expect(regions.length).toBe(5);
    expect(regions.every((r) => english.has(r))).toBe(true);
    await screenshot(page, 'records-option-labels-en');
  });

  it('shows option labels on the record page and the changing user by name in its history', async () => {
    const list = await call('GET', '/apps/prm/records/partner?limit=1');
    const [record] = list.items as { id: string; revision: number; data: Record<string, unknown> }[];
    if (record === undefined) throw new Error('no sample partner');
    await call('PUT', `/apps/prm/records/partner/${record.id}`, { data: { ...record.data, name: `${String(record.data.name)} (renamed)` }, revision: record.revision });
    await page.goto(`${studio.url}#/records/prm/partner/${record.id}`);
    await page.locator('.timeline li[data-action$="update"]').waitFor();
    const region = REGIONS[record.data.region as keyof typeof REGIONS];
    expect(await page.locator('[data-field="region"] dd').textContent()).toBe(region.en);
    // User names arrive after the history (a second request): wait for them rather than race.
    await expect.poll(() => page.locator('.timeline li[data-action$="update"] .actor').textContent()).toBe('Administrator');
    await page.locator('.language select').selectOption('zh-CN');
    expect(await page.locator('[data-field="region"] dd').textContent()).toBe(region['zh-CN']);
    await screenshot(page, 'record-option-labels-zh');
  });
});
