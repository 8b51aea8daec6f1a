import { describe, expect, it } from 'vitest';
import { addField, createNamed, screenshot } from './harness.js';
import { signedInStudioForFile } from './for-file.js';

/*
 * An admin who has never seen JSON gives a form a reference-code format, a date that defaults to
 * the day, a title field and a cross-field check with its message in both languages; publishes,
 * and sees in the preview the default filled in and the check's message, in English and Chinese.
 */
const session = signedInStudioForFile({ template: 'none' });

const properties = () => session.page.locator('section.builder-properties').first();
const formRules = () => session.page.locator('section[aria-labelledby="form-rules-title"]');
const preview = () => session.page.locator('.preview');
const outcome = () => preview().locator('.outcome');
/** the browser's calendar date, YYYY-MM-DD: the admin's day, which today() gives in the preview */
const browserToday = () => session.page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

describe('checks, formula defaults and reference codes without JSON, in Chromium', () => {
  it('gives a field a reference-code format: a prefix and a number of digits', async () => {
    await createNamed(session.page, 'new-app-title', { idLabel: 'App id', id: 'visits', zh: '拜访管理', en: 'Visits', submit: 'Create app' });
    await createNamed(session.page, 'new-form-title', { idLabel: 'Form id', id: 'visit_request', zh: '拜访申请', en: 'Visit request', submit: 'Create form' });
    await addField(session.page, 'Text', 'requestNo', '申请编号', 'Request no.');
    await properties().getByLabel('Format').selectOption({ label: 'Reference code (fixed prefix + digits)' });
    const prefix = properties().getByLabel('Prefix (1–5 capital letters)');
    await prefix.fill('vr1');
    expect(await properties().locator('.reference-code').textContent()).toContain('Use 1 to 5 capital letters A–Z.');
    await prefix.fill('vr');
    await properties().getByLabel('Number of digits').fill('6');
    expect(await properties().locator('.reference-code').textContent()).toContain('For example VR000001');
    await screenshot(session.page, 'form-reference-code-en');
  });

  it('defaults a date to the day with the formula today()', async () => {
    await addField(session.page, 'Date', 'appliedOn', '申请日期', 'Applied on');
    const defaults = properties().locator('fieldset.default-property');
    await defaults.getByRole('radio', { name: 'A formula' }).check();
    await defaults.getByRole('combobox', { name: 'Formula' }).fill('today()');
    expect(await defaults.locator('.formula-issues li').count()).toBe(0);
    // the preview (a draft, before publishing) already shows the day
    await expect.poll(() => preview().locator('#root_appliedOn').inputValue()).toBe(await browserToday());
    await screenshot(session.page, 'form-default-formula-en');
    await addField(session.page, 'Date', 'visitOn', '拜访日期', 'Visit date');
    await properties().getByRole('checkbox', { name: 'Required', exact: true }).check();
  });

  it('adds a check with its message in both languages, and picks the title field', async () => {
    await session.page.getByRole('button', { name: 'Form settings' }).click();
    await formRules().getByLabel('Title field (names each record)').selectOption('requestNo');
    expect(await formRules().textContent()).toContain('No checks yet');
    await formRules().getByRole('button', { name: 'Add check' }).click();
    const check = formRules().locator('li.check-item').first();
    await check.getByLabel('Reported at field').selectOption('visitOn');
    await check.getByRole('combobox', { name: 'Formula' }).fill('not date_before(visitOn, appliedOn)');
    expect(await check.locator('.formula-issues li').count()).toBe(0);
    await check.getByLabel('Message 中文').fill('拜访日期不能早于申请日期。');
    await check.getByLabel('Message English').fill('The visit cannot be before the request is made.');
    await screenshot(session.page, 'form-checks-en');

    await session.page.getByRole('tab', { name: 'JSON' }).click();
    const definition = JSON.parse(await session.page.locator('.json-view textarea').inputValue()) as Record<string, unknown> & { rules: Record<string, unknown>; schema: { properties: Record<string, { pattern?: string }> } };
    expect(definition.titleField).toBe('requestNo');
    expect(definition.schema.properties.requestNo?.pattern).toBe('^VR[0-9]{6}$');
    expect(definition.rules.defaults).toEqual({ appliedOn: { rule: { var: '$today' } } });
    expect(definition.rules.validations).toEqual([{
      id: 'check1', path: 'visitOn',
      rule: { '!': { date_before: [{ var: 'visitOn' }, { var: 'appliedOn' }] } },
      message: { 'zh-CN': '拜访日期不能早于申请日期。', en: 'The visit cannot be before the request is made.' },
    }]);
  });

  it('publishes; the preview fills the default and tells the check in English and Chinese', async () => {
    await session.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await session.page.locator('.save-status', { hasText: 'Published as version 1.' }).waitFor();
    await session.page.getByRole('tab', { name: 'Preview' }).click();
    await expect.poll(() => preview().locator('#root_appliedOn').inputValue()).toBe(await browserToday());
    await preview().locator('#root_requestNo').fill('VR12');
    await preview().locator('#root_visitOn').fill('2020-01-01');
    await preview().getByRole('button', { name: 'Submit' }).click();
    await outcome().locator('.problems').waitFor();
    const messages = await outcome().textContent();
    expect(messages).toContain('The visit cannot be before the request is made.');
    expect(messages).toContain('requestNo');
    expect(await preview().locator('#root_visitOn__error').textContent()).toContain('The visit cannot be before the request is made.');
    await screenshot(session.page, 'form-check-message-en');

    await session.page.locator('.language select').selectOption('zh-CN');
    await expect.poll(() => outcome().textContent()).toContain('拜访日期不能早于申请日期。');
    expect(await preview().locator('#root_visitOn__error').textContent()).toContain('拜访日期不能早于申请日期。');
    await screenshot(session.page, 'form-check-message-zh');
    await session.page.locator('.language select').selectOption('en');
  });

  it('saves the record once the check holds, with the day as its default', async () => {
    await preview().locator('#root_requestNo').fill('VR123456');
    const today = await preview().locator('#root_appliedOn').inputValue();
    await preview().locator('#root_visitOn').fill(today);
    await preview().getByRole('button', { name: 'Submit' }).click();
    await outcome().locator('.ok', { hasText: 'Saved as record' }).waitFor();
    const { items } = await session.studio.server.storage.read.records.list({ app: 'visits', entity: 'visit_request' });
    expect(items.map((r) => r.data)).toEqual([{ requestNo: 'VR123456', appliedOn: today, visitOn: today }]);
  });

  it('saves a record as a draft while a condition holds: required fields and checks wait', async () => {
    await session.page.getByRole('button', { name: 'Form settings' }).click();
    const draft = formRules().locator('fieldset[aria-label="Saved as a draft while"]');
    await draft.getByRole('button', { name: 'Saved as a draft while…' }).click();
    const condition = draft.locator('li[data-path="/children/0"]');
    await condition.getByLabel('Field', { exact: true }).selectOption('requestNo');
    await condition.getByLabel('Request no. Operator').selectOption('empty');
    await session.page.getByRole('tab', { name: 'JSON' }).click();
    const definition = JSON.parse(await session.page.locator('.json-view textarea').inputValue()) as { drafts?: { when: unknown } };
    expect(JSON.stringify(definition.drafts?.when)).toContain('"var":"requestNo"');
    await screenshot(session.page, 'form-drafts-en');
    await session.page.getByRole('button', { name: 'Publish', exact: true }).click();
    await session.page.locator('.save-status', { hasText: 'Published as version 2.' }).waitFor();
    await session.page.getByRole('tab', { name: 'Preview' }).click();
    await preview().getByRole('button', { name: 'Clear' }).click();
    await preview().locator('#root_visitOn').fill('2020-01-01');
    await preview().getByRole('button', { name: 'Submit' }).click();
    await outcome().locator('.ok', { hasText: 'Saved as record' }).waitFor();
    expect(await session.studio.server.storage.read.records.count({ app: 'visits', entity: 'visit_request' })).toBe(2);
  });
});
