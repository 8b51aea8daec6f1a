import { describe, expect, it } from 'vitest';
import { addField, createNamed, screenshot } from './harness.js';
import { signedInStudioForFile } from './for-file.js';

/*
 * A select whose options are another entity's records: built from an empty app (customers, then
 * visits choosing a customer), published, and used in the preview, which lists the customers
 * from the server and stores the chosen customer's record id.
 */
const session = signedInStudioForFile({ template: 'none' });

const preview = () => session.page.locator('.preview');
const properties = () => session.page.locator('section.builder-properties');
const publish = async (version: number) => {
  await session.page.getByRole('button', { name: 'Publish', exact: true }).click();
  await session.page.locator('.save-status', { hasText: `Published as version ${version}.` }).waitFor();
};
const records = async (entity: string) => (await session.studio.server.storage.read.records.list({ app: 'crm', entity })).items;

describe('a select of another entity’s records', () => {
  it('has customers to choose from', async () => {
    await createNamed(session.page, 'new-app-title', { idLabel: 'App id', id: 'crm', zh: '客户管理', en: 'Customers', submit: 'Create app' });
    await createNamed(session.page, 'new-form-title', { idLabel: 'Form id', id: 'customer', zh: '客户', en: 'Customer', submit: 'Create form' });
    await session.page.locator('h1', { hasText: 'Form builder: Customer' }).waitFor();
    await addField(session.page, 'Text', 'name', '名称', 'Name');
    await publish(1);
    for (const name of ['Acme Trading', 'Beta Foods']) {
      await preview().getByRole('button', { name: 'Clear' }).click();
      await preview().getByLabel('Name').fill(name);
      await preview().getByRole('button', { name: 'Submit' }).click();
      await preview().locator('p.ok', { hasText: 'Saved as record' }).waitFor();
    }
    expect((await records('customer')).map((r) => r.data.name).sort()).toEqual(['Acme Trading', 'Beta Foods']);
  });

  it('builds a visit form whose customer is picked from the customers', async () => {
    await session.page.locator('.crumbs a', { hasText: 'crm' }).click();
    await createNamed(session.page, 'new-form-title', { idLabel: 'Form id', id: 'visit', zh: '拜访', en: 'Visit', submit: 'Create form' });
    await session.page.locator('h1', { hasText: 'Form builder: Visit' }).waitFor();
    await addField(session.page, 'Single select', 'customer', '客户', 'Customer');
    await properties().getByRole('radio', { name: "Another entity's records" }).check();
    expect(await properties().getByLabel('Entity', { exact: true }).inputValue()).toBe('customer');
    expect(await properties().getByLabel('Shown as').inputValue()).toBe('name');
    // the typed list is not offered for a select of records
    expect(await properties().getByRole('button', { name: 'Add option' }).count()).toBe(0);
    // the draft's preview already offers the customers: nothing needs publishing first
    const draft = preview().getByLabel('Customer', { exact: true });
    await draft.locator('option', { hasText: 'Beta Foods' }).waitFor({ state: 'attached' });
    expect(await draft.locator('option').allTextContents()).toEqual(['Choose…', 'Acme Trading', 'Beta Foods']);
    await publish(1);
  });

  it('lists the customers by name in the preview and stores the chosen id', async () => {
    const select = preview().getByLabel('Customer', { exact: true });
    await select.locator('option', { hasText: 'Beta Foods' }).waitFor({ state: 'attached' });
    expect(await select.locator('option').allTextContents()).toEqual(['Choose…', 'Acme Trading', 'Beta Foods']);
    await select.selectOption({ label: 'Beta Foods' });
    await screenshot(session.page, 'record-options-en');
    await preview().getByRole('button', { name: 'Submit' }).click();
    await preview().locator('p.ok', { hasText: 'Saved as record' }).waitFor();
    const beta = (await records('customer')).find((r) => r.data.name === 'Beta Foods');
    expect((await records('visit')).map((r) => r.data)).toEqual([{ customer: beta?.id }]);
    await session.page.locator('.language select').selectOption('zh-CN');
    await properties().getByText('其他实体的记录').waitFor();
    await screenshot(session.page, 'record-options-zh');
  });

  it('shows the customer\'s name, not its record id, in the records table and on the record page', async () => {
    await session.page.goto(`${session.studio.url}#/records/crm/visit`);
    const cell = session.page.locator('.records-table td[data-column="customer"]');
    await cell.filter({ hasText: 'Beta Foods' }).waitFor();
    expect(await cell.allTextContents()).toEqual(['Beta Foods']);
    await screenshot(session.page, 'record-options-table-zh');
    const [visit] = await records('visit');
    await session.page.goto(`${session.studio.url}#/records/crm/visit/${visit?.id}`);
    const value = session.page.locator('dl.record-data [data-field="customer"] dd');
    await value.filter({ hasText: 'Beta Foods' }).waitFor();
    expect(await value.textContent()).toBe('Beta Foods');
  });
});
