import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addField as addFieldTo, openStudio, screenshot, signIn, type Studio } from './harness.js';

/*
 * An admin builds a form from an empty app in the studio, as shipped, against a real server:
 * fields from the palette (click, drag, keyboard), a conditional required field and a computed one,
 * the JSON view, publish, then a record submitted from the preview and the server's messages.
 */
let studio: Studio;
let page: Page;

beforeAll(async () => {
  studio = await openStudio({ template: 'none' });
  page = studio.page;
}, 180_000);

afterAll(async () => {
  await studio?.close();
});

const canvasKeys = () => page.locator('.field-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-key')));
const properties = () => page.locator('section.builder-properties');

const addField = (kind: string, key: string, zh: string, en: string) => addFieldTo(page, kind, key, zh, en);

describe('the form builder in Chromium', () => {
  it('signs in, in the language chosen on the sign-in screen', async () => {
    await page.goto(studio.url);
    expect(await page.locator('h1').textContent()).toBe('登录 Trellis 工作台');
    await page.locator('.language select').selectOption('en');
    expect(await page.locator('h1').textContent()).toBe('Sign in to Trellis Studio');
    await page.locator('input[name="password"]').fill('wrong-password-123');
    await page.locator('input[name="username"]').fill('admin');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('form.sign-in .problems').waitFor();
    await screenshot(page, 'sign-in-error-en');
    await signIn(studio);
    expect(await page.locator('h1').textContent()).toBe('Apps');
  });

  it('creates an empty app and a new form in it', async () => {
    expect(await page.locator('.apps').textContent()).toContain('No apps yet');
    const form = page.locator('form[aria-labelledby="new-app-title"]');
    await form.getByLabel('App id').fill('suppliers');
    await form.getByLabel('Name (Chinese)').fill('供应商管理');
    await form.getByLabel('Name (English)').fill('Supplier management');
    await form.getByRole('button', { name: 'Create app' }).click();
    await page.locator('h1', { hasText: 'Supplier management' }).waitFor();
    expect(await page.locator('.app').textContent()).toContain('No forms yet');
    const newForm = page.locator('form[aria-labelledby="new-form-title"]');
    await newForm.getByLabel('Form id').fill('purchase_order');
    await newForm.getByLabel('Name (Chinese)').fill('采购单');
    await newForm.getByLabel('Name (English)').fill('Purchase order');
    await newForm.getByRole('button', { name: 'Create form' }).click();
    await page.locator('h1', { hasText: 'Form builder: Purchase order' }).waitFor();
    expect(await page.locator('.canvas').textContent()).toContain('Drag a field type here');
  });

  it('adds fields from the palette by click, drag and keyboard, and reorders them', async () => {
    await addField('Text', 'supplier', '供应商', 'Supplier');
    await properties().getByRole('checkbox', { name: 'Required', exact: true }).check();
    await addField('Number', 'qty', '数量', 'Quantity');
    await properties().getByLabel('Minimum').fill('1');
    await addField('Money', 'price', '单价', 'Unit price');
    // drag "Email" from the palette onto the first field
    const email = page.getByRole('button', { name: 'Add field: Email', exact: true });
    const first = page.locator('.field-card').first();
    const from = await email.boundingBox();
    const to = await first.boundingBox();
    if (from === null || to === null) throw new Error('no layout');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y + 10, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 4, { steps: 10 });
    await page.mouse.up();
    expect(await canvasKeys()).toEqual(['email', 'supplier', 'qty', 'price']);
    // the keyboard: pick the email field up with Space, move it down twice, drop it
    await page.getByRole('button', { name: 'Drag Email (Space to pick up, arrows to move)' }).focus();
    // each step waits for the live region to say where the field is (dnd-kit measures between moves)
    const live = page.locator('[id^="DndLiveRegion"]');
    await page.keyboard.press('Space');
    await live.filter({ hasText: 'Email is over position 1 of 4.' }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowDown');
    await live.filter({ hasText: 'Email is over position 2 of 4.' }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowDown');
    await live.filter({ hasText: 'Email is over position 3 of 4.' }).waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await live.filter({ hasText: 'Email dropped at position 3 of 4.' }).waitFor({ state: 'attached' });
    expect(await canvasKeys()).toEqual(['supplier', 'qty', 'email', 'price']);
    await page.getByRole('button', { name: 'Move Email down' }).click();
    expect(await canvasKeys()).toEqual(['supplier', 'qty', 'price', 'email']);
  });

  it('removes a field, and undo and redo bring it back and take it away', async () => {
    await page.getByRole('button', { name: 'Remove Email' }).click();
    expect(await canvasKeys()).toEqual(['supplier', 'qty', 'price']);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await canvasKeys()).toEqual(['supplier', 'qty', 'price', 'email']);
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await canvasKeys()).toEqual(['supplier', 'qty', 'price']);
  });

  it('makes a field required when the quantity is large, and computes the total', async () => {
    const reason = await addField('Long text', 'reason', '大额采购理由', 'Reason for a large order');
    await reason.getByRole('button', { name: 'Required when…' }).click();
    const condition = reason.locator('fieldset[aria-label="Required when"] li[data-path="/children/0"]');
    await condition.getByLabel('Field', { exact: true }).selectOption('qty');
    await condition.getByLabel('Quantity Operator').selectOption('gt');
    await condition.getByLabel('Quantity Value').fill('100');
    const total = await addField('Money', 'total', '总金额', 'Total');
    await total.getByRole('combobox', { name: 'Formula' }).fill('qty * price');
    expect(await page.locator('.field-card[data-key="reason"]').textContent()).toContain('required when');
    expect(await page.locator('.field-card[data-key="total"]').textContent()).toContain('computed');
    await screenshot(page, 'form-builder-en');
  });

  it('shows the definition as JSON and reads an edit back', async () => {
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = page.locator('.json-view textarea');
    const definition = JSON.parse(await json.inputValue()) as { rules: unknown; fields: Record<string, { label: { en: string } }> };
    expect(definition.rules).toEqual({
      requiredWhen: { reason: { and: [{ '>': [{ var: 'qty' }, 100] }] } },
      computed: { total: { '*': [{ var: 'qty' }, { var: 'price' }] } },
    });
    definition.fields.supplier!.label.en = 'Supplier name';
    await json.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('button', { name: 'Apply JSON' }).click();
    expect(await page.locator('.field-card[data-key="supplier"] .field-label').textContent()).toBe('Supplier name *');
    await screenshot(page, 'form-builder-json-en');
  });

  it('adds a repeater whose rows have their own columns', async () => {
    const lines = await addField('Repeater (rows)', 'lines', '明细', 'Order lines');
    await lines.getByRole('button', { name: 'Add column' }).click();
    await lines.getByLabel('Column 2 id').fill('amount');
    await lines.getByLabel('Column 2 type').selectOption('money');
    await lines.getByLabel('Column 2 English').fill('Amount');
    await lines.getByLabel('Column 2 required').check();
    await page.getByRole('tab', { name: 'JSON' }).click();
    const definition = JSON.parse(await page.locator('.json-view textarea').inputValue()) as { schema: { properties: Record<string, unknown> } };
    expect(definition.schema.properties.lines).toEqual({
      type: 'array',
      items: {
        type: 'object', additionalProperties: false,
        properties: { item: { type: 'string' }, amount: { type: 'number', multipleOf: 0.01 } },
        required: ['amount'],
      },
    });
    await screenshot(page, 'form-builder-repeater-en');
  });

  it('publishes, then submits records from the preview and shows the server messages', async () => {
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.locator('.save-status', { hasText: 'Published as version 1.' }).waitFor();
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.locator('.preview');
    await preview.locator('#root_qty').fill('150');
    await preview.locator('#root_price').fill('2.5');
    await expect.poll(() => preview.locator('#root_total').inputValue()).toBe('375');
    await preview.getByRole('button', { name: 'Submit' }).click();
    const outcome = preview.locator('.outcome');
    await outcome.locator('.problems').waitFor();
    const messages = await outcome.textContent();
    expect(messages).toContain('supplier');
    expect(messages).toContain('reason');
    await screenshot(page, 'form-preview-errors-en');
    await preview.locator('#root_supplier').fill('Acme');
    await preview.locator('#root_reason').fill('Stocking up for the season');
    await preview.getByRole('button', { name: 'Submit' }).click();
    await outcome.locator('.ok', { hasText: 'Saved as record' }).waitFor();
    const stored = await studio.server.storage.read.records.count({ app: 'suppliers', entity: 'purchase_order' });
    expect(stored).toBe(1);
  });

  it('switches to Chinese, the preview and the builder alike, and keeps the choice', async () => {
    await page.locator('.language select').selectOption('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('表单构建器：采购单');
    expect(await page.locator('.preview label[for="root_qty"]').textContent()).toContain('数量');
    await screenshot(page, 'form-builder-zh');
    await page.reload();
    await page.locator('h1', { hasText: '表单构建器：采购单' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('splits the form into wizard pages the preview steps through', async () => {
    await page.getByRole('button', { name: '表单设置' }).click();
    const settings = page.locator('section[aria-labelledby="form-settings-title"]');
    await settings.getByRole('button', { name: '添加页' }).click();
    await settings.getByRole('button', { name: '添加页' }).click();
    await page.locator('.field-card[data-key="total"] .field-summary').click();
    await properties().getByLabel('向导页').selectOption('page2');
    const preview = page.locator('.preview');
    await preview.getByRole('button', { name: '1. 第 1 步' }).waitFor();
    await expect.poll(() => preview.locator('#root_total').count()).toBe(0);
    await preview.getByRole('button', { name: '下一步' }).click();
    expect(await preview.locator('#root_total').count()).toBe(1);
    expect(await preview.locator('#root_qty').count()).toBe(0);
    await screenshot(page, 'form-wizard-zh');
  });
});
