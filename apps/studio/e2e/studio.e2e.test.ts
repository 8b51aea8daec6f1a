import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openStudio, screenshot, signIn, type Studio } from './harness.js';

/*
 * The studio in Debian's Chromium, built as shipped and served by a live server. The steps run in
 * order on one page, as an admin would: build a condition, try it, fall back to a formula, edit a
 * tier table, switch language. No app is opened, so the screens work on the bundled sample.
 */
let studio: Studio;
let page: Page;

beforeAll(async () => {
  studio = await openStudio();
  page = studio.page;
  await signIn(studio);
  await page.goto(`${studio.url}#/rules`);
}, 180_000);

afterAll(async () => {
  await studio?.close();
});

const text = async (selector: string) => (await page.locator(selector).first().textContent())?.trim() ?? '';
const jsonLogic = async () => JSON.parse(await text('[data-testid="json-logic"]')) as unknown;

describe('the studio in Chromium', () => {
  it('opens in Chinese and switches to English', async () => {
    expect(await text('h1')).toBe('规则构建器');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.locator('.language select').selectOption('en');
    expect(await text('h1')).toBe('Rule builder');
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents())
      .toEqual(expect.arrayContaining(['Apps', 'Rule builder', 'Decision tables']));
  });

  it('builds nested conditions typed by the schema and shows their JSON Logic', async () => {
    await page.getByLabel('Data the rule reads').selectOption('partner');
    const root = page.locator('section[data-path=""] > header');
    await root.getByRole('button', { name: 'Add condition', exact: true }).click();
    const first = page.locator('li[data-path="/children/0"]');
    await first.getByLabel('Field', { exact: true }).selectOption('creditLimit');
    // a number field offers comparisons and ranges, not text operators
    const operators = await first.getByLabel('Credit limit (CNY) Operator').locator('option').allTextContents();
    expect(operators).toEqual(['is', 'is not', '<', '≤', '>', '≥', 'between (inclusive)']);
    await first.getByLabel('Credit limit (CNY) Operator').selectOption('ge');
    await first.getByLabel('Credit limit (CNY) Value').fill('100000');

    await root.getByRole('button', { name: 'Add group' }).click();
    const group = page.locator('section[data-path="/children/1"] > header');
    await group.getByRole('button', { name: 'Add condition', exact: true }).click();
    const region = page.locator('li[data-path="/children/1/children/0"]');
    await region.getByLabel('Field', { exact: true }).selectOption('region');
    expect(await region.getByLabel('Sales region Operator').inputValue()).toBe('in');
    await region.getByRole('checkbox', { name: 'East', exact: true }).check();
    await region.getByRole('checkbox', { name: 'South', exact: true }).check();
    await group.getByRole('button', { name: 'Add condition', exact: true }).click();
    const tier = page.locator('li[data-path="/children/1/children/1"]');
    await tier.getByLabel('Field', { exact: true }).selectOption('joinedOn');
    expect(await tier.getByLabel('Joined on Operator').locator('option').allTextContents())
      .toEqual(['is before', 'is after', 'is within', 'is empty', 'is not empty']);
    await tier.getByLabel('Joined on Value').fill('2020-01-01');

    expect(await jsonLogic()).toEqual({
      and: [
        { '>=': [{ var: 'creditLimit' }, 100000] },
        { or: [{ in: [{ var: 'region' }, ['east', 'south']] }, { date_before: [{ var: 'joinedOn' }, '2020-01-01'] }] },
      ],
    });
    expect(await text('#problems-title + *')).toBe('No problems found.');
  });

  it('shows a missing value where it is', async () => {
    const root = page.locator('section[data-path=""] > header');
    await root.getByRole('button', { name: 'Add condition', exact: true }).click();
    const third = page.locator('li[data-path="/children/2"]');
    expect(await third.locator('.problems').textContent()).toContain('Enter a value to compare Partner ID with');
    await third.getByRole('button', { name: 'Remove condition: Partner ID' }).click();
    expect(await page.locator('li[data-path="/children/2"]').count()).toBe(0);
  });

  it('tries the rule on sample values and explains the result', async () => {
    const tryIt = page.locator('.try-it');
    await tryIt.getByLabel('Credit limit (CNY)').fill('200000');
    await tryIt.getByLabel('Sales region').selectOption({ label: 'East' });
    await tryIt.getByLabel('Joined on').fill('2021-06-01');
    expect(await tryIt.getByRole('status').or(tryIt.locator('output')).first().textContent()).toBe('true');
    await tryIt.getByLabel('Sales region').selectOption({ label: 'North' });
    expect(await tryIt.locator('output').textContent()).toBe('false');
    const trace = await tryIt.locator('.trace').textContent();
    expect(trace).toContain('Sales region = "north"');
    expect(trace).toContain('Credit limit (CNY) = 200000');
    await screenshot(page, 'rule-builder-en');
  });

  it('falls back to the formula editor for what conditions cannot show, with static errors', async () => {
    await page.getByRole('radio', { name: 'Formula', exact: true }).check();
    const formula = page.getByRole('combobox', { name: 'Formula' });
    // the conditions above, as a formula
    expect(await formula.inputValue()).toBe('creditLimit >= 100000 and (region in ["east", "south"] or date_before(joinedOn, "2020-01-01"))');
    await formula.fill('creditLimt >= 1');
    expect(await page.locator('.formula-issues [data-code="RULE_UNKNOWN_VAR"]').textContent())
      .toBe('Unknown field `creditLimt` at column 1; did you mean `creditLimit`?');
    await page.getByRole('button', { name: 'Show as conditions' }).click();
    const problems = page.locator('section[aria-labelledby="problems-title"]');
    expect(await problems.textContent()).toContain('This rule cannot be shown as conditions');
    await screenshot(page, 'formula-errors-en');

    await formula.fill('creditLimit < 5');
    await page.getByRole('button', { name: 'Show as conditions' }).click();
    expect(await page.locator('li[data-path="/children/0"]').getByLabel('Credit limit (CNY) Operator').inputValue()).toBe('lt');
  });

  it('edits a tier table and warns of overlaps and gaps in words', async () => {
    await page.getByRole('link', { name: 'Decision tables' }).click();
    await page.getByLabel('Table', { exact: true }).selectOption({ label: 'Attainment rebate rate' });
    expect(await page.locator('.decision-table tbody tr').count()).toBe(5);
    const checks = page.locator('section[aria-labelledby="checks-title"]');
    expect(await checks.textContent()).toContain('No overlaps, gaps or errors.');

    // row 3 is [0.9, 1) and row 4 [1, 1.2]: closing row 3 at 1 makes 100% match both
    const closeRow3 = page.getByRole('button', { name: 'Condition on Attainment, row 3: including the maximum' });
    expect(await closeRow3.textContent()).toBe(')');
    await closeRow3.click();
    expect(await closeRow3.getAttribute('aria-pressed')).toBe('true');
    expect(await closeRow3.textContent()).toBe(']');
    expect(await checks.textContent()).toContain('Attainment = 1 matches rows 3 and 4 (hit policy "first": row 3 wins)');
    expect(await page.locator('tr[data-row="3"]').getAttribute('class')).toContain('warning');

    await page.getByLabel('Condition on Attainment, row 2: Minimum').fill('0.85');
    expect(await checks.textContent()).toContain('No row matches Attainment in [0.8, 0.85)');

    const tryTable = page.locator('section[aria-labelledby="try-table-title"]');
    await tryTable.getByLabel('Attainment').fill('1');
    expect(await tryTable.locator('.result').textContent()).toBe('Outputs: 0.03 Row 3, Row 4');
    await screenshot(page, 'decision-table-overlap-en');
  });

  it('switches to Chinese: navigation, table and warnings', async () => {
    await page.locator('.language select').selectOption('zh-CN');
    expect(await text('h1')).toBe('决策表');
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['应用', '规则构建器', '决策表']));
    const checks = page.locator('section[aria-labelledby="checks-title"]');
    expect(await checks.textContent()).toContain('目标达成率 = 1同时匹配第 3 行和第 4 行');
    expect(await page.locator('.decision-table thead').textContent()).toContain('返点比例');
    await screenshot(page, 'decision-table-zh');

    await page.getByRole('link', { name: '规则构建器' }).click();
    await page.getByLabel('规则读取的数据').selectOption('partner');
    await page.locator('section[data-path=""] > header').getByRole('button', { name: '添加条件', exact: true }).click();
    const row = page.locator('li[data-path="/children/0"]');
    await row.getByLabel('字段', { exact: true }).selectOption('region');
    expect(await row.getByLabel('所属大区 运算符').locator('option').allTextContents()).toEqual(['属于', '不属于', '等于', '不等于']);
    await row.getByRole('checkbox', { name: '华东', exact: true }).check();
    expect(await text('.try-it h2')).toBe('试算');
    await screenshot(page, 'rule-builder-zh');
  });
});
