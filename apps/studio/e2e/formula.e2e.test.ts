import { describe, expect, it } from 'vitest';
import { addField, createNamed, screenshot } from './harness.js';
import { signedInStudioForFile } from './for-file.js';

/*
 * An admin who has never seen JSON gives a field a "computed as" formula by typing it as in a
 * spreadsheet, picking fields by their label from the suggestions, sees a mistake told at its
 * column, publishes, and submits a record whose computed value the server stores.
 */
const session = signedInStudioForFile({ template: 'none' });

const properties = () => session.page.locator('section.builder-properties');
/** the selected field's "computed as" */
const computed = () => properties().locator('fieldset.formula-property');
const formula = () => computed().getByRole('combobox', { name: /^(Formula|公式)$/ });
const suggestions = () => computed().getByRole('listbox');
const issues = () => computed().locator('.formula-issues li');

describe('formulas without JSON, in Chromium', () => {
  it('builds a form with a fee computed by a typed formula, picking fields from the suggestions', async () => {
    await createNamed(session.page, 'new-app-title', { idLabel: 'App id', id: 'orders', zh: '订单管理', en: 'Orders', submit: 'Create app' });
    await createNamed(session.page, 'new-form-title', { idLabel: 'Form id', id: 'order', zh: '订单', en: 'Order', submit: 'Create form' });
    await addField(session.page, 'Number', 'qty', '数量', 'Quantity');
    await addField(session.page, 'Money', 'price', '单价', 'Unit price');
    await addField(session.page, 'Money', 'fee', '服务费', 'Service fee');

    await formula().click();
    await session.page.keyboard.type('round(Quan');
    // the suggestion shows the label and the path; Enter puts the path in
    expect(await suggestions().getByRole('option').allTextContents()).toEqual(['Quantity qtyfield']);
    await session.page.keyboard.press('Enter');
    expect(await formula().inputValue()).toBe('round(qty');
    await session.page.keyboard.type(' * 单');
    await suggestions().getByRole('option', { name: /Unit price/ }).waitFor();
    await screenshot(session.page, 'formula-autocomplete-en');
    await session.page.keyboard.press('Enter');
    await session.page.keyboard.type(' * 0.1, 2) + handling');
    expect(await formula().inputValue()).toBe('round(qty * price * 0.1, 2) + handling');
    expect(await issues().allTextContents()).toEqual(['Unknown field `handling` at column 31']);
    expect(await properties().locator('.formula-marks mark').textContent()).toBe('handling');
    await screenshot(session.page, 'formula-error-en');

    for (let i = 0; i < 'handling'.length; i += 1) await session.page.keyboard.press('Backspace');
    await session.page.keyboard.type('5');
    expect(await issues().count()).toBe(0);
    expect(await session.page.locator('.field-card[data-key="fee"]').textContent()).toContain('computed');
  });

  it('keeps JSON Logic for power users, behind "advanced"', async () => {
    await properties().getByRole('radio', { name: 'Write as JSON (advanced)' }).check();
    const json = properties().getByLabel('JSON Logic (advanced)');
    expect(JSON.parse(await json.inputValue())).toEqual({ '+': [{ round: [{ '*': [{ var: 'qty' }, { var: 'price' }, 0.1] }, 2] }, 5] });
    await properties().getByRole('radio', { name: 'Write as a formula' }).check();
    expect(await formula().inputValue()).toBe('round(qty * price * 0.1, 2) + 5');
  });

  it('edits as a formula a condition written elsewhere that the condition builder cannot show', async () => {
    await session.page.getByRole('tab', { name: 'JSON' }).click();
    const json = session.page.locator('.json-view textarea');
    const definition = JSON.parse(await json.inputValue()) as { rules?: Record<string, unknown> };
    definition.rules = { ...definition.rules, visibility: { fee: { '>': [{ '+': [{ var: 'qty' }, { var: 'price' }] }, 10] } } };
    await json.fill(JSON.stringify(definition, null, 2));
    await session.page.getByRole('button', { name: 'Apply JSON' }).click();
    await session.page.locator('.field-card[data-key="qty"] .field-summary').click();
    await session.page.locator('.field-card[data-key="fee"] .field-summary').click();
    const showWhen = properties().locator('fieldset[aria-label="Show when"]');
    const condition = showWhen.getByRole('combobox', { name: 'Formula' });
    expect(await condition.inputValue()).toBe('qty + price > 10');
    expect(await showWhen.textContent()).toContain('This rule cannot be shown as conditions');
    await condition.fill('qty + price >= 10');
    await session.page.getByRole('tab', { name: 'JSON' }).click();
    expect((JSON.parse(await json.inputValue()) as { rules: { visibility: unknown } }).rules.visibility)
      .toEqual({ fee: { '>=': [{ '+': [{ var: 'qty' }, { var: 'price' }] }, 10] } });
    await screenshot(session.page, 'formula-show-when-en');
    await session.page.getByRole('tab', { name: 'Preview' }).click();
  });

  it('publishes, and a submitted record gets the computed value', async () => {
    await session.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await session.page.locator('.save-status', { hasText: 'Published as version 1.' }).waitFor();
    await session.page.getByRole('tab', { name: 'Preview' }).click();
    const preview = session.page.locator('.preview');
    await preview.locator('#root_qty').fill('3');
    await preview.locator('#root_price').fill('20');
    await expect.poll(() => preview.locator('#root_fee').inputValue()).toBe('11');
    await preview.getByRole('button', { name: 'Submit' }).click();
    await preview.locator('p.ok', { hasText: 'Saved as record' }).waitFor();
    const { items } = await session.studio.server.storage.read.records.list({ app: 'orders', entity: 'order' });
    expect(items.map((r) => r.data)).toEqual([{ qty: 3, price: 20, fee: 11 }]);
    await screenshot(session.page, 'formula-preview-en');
  });

  it('tries a typed formula in the rule builder, explained part by part as formulas', async () => {
    await session.page.getByRole('link', { name: 'Rule builder' }).click();
    await session.page.getByRole('radio', { name: 'Formula', exact: true }).check();
    const input = session.page.getByRole('combobox', { name: 'Formula' });
    await input.fill('');
    await session.page.keyboard.type('if(Unit');
    await session.page.keyboard.press('Enter');
    await session.page.keyboard.type(' >= 100, "large", "small")');
    expect(await input.inputValue()).toBe('if(price >= 100, "large", "small")');
    const tryIt = session.page.locator('.try-it');
    await tryIt.getByLabel('Unit price').fill('150');
    expect(await tryIt.locator('output').textContent()).toBe('"large"');
    expect(await tryIt.locator('.trace summary').allTextContents()).toEqual(['if(price >= 100, "large", "small") → "large"', 'price >= 100 → true']);
    await screenshot(session.page, 'formula-try-it-en');
    await session.page.goBack();
  });

  it('suggests fields by their Chinese label and tells mistakes in Chinese', async () => {
    await session.page.locator('.language select').selectOption('zh-CN');
    await session.page.locator('.field-card[data-key="fee"] .field-summary').click();
    await formula().click();
    await session.page.keyboard.press('End');
    await session.page.keyboard.type(' + 数');
    expect(await suggestions().getByRole('option').allTextContents()).toEqual(['数量 qty字段']);
    await screenshot(session.page, 'formula-autocomplete-zh');
    await session.page.keyboard.press('Escape');
    expect(await suggestions().isHidden()).toBe(true);
    expect(await issues().allTextContents()).toEqual(['第 35 列：未知字段 `数`']);
    await screenshot(session.page, 'formula-error-zh');
  });
});
