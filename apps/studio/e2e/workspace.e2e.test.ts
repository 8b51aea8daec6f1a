import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildUi } from '@trellis/server/testing/build-ui';
import { startLiveServer, type LiveServer } from '@trellis/server/testing/live-server';
import { openSignedIn, screenshot, signIn, type Studio, STUDIO_ROOT } from './harness.js';

/*
 * The admin workspace in Debian's Chromium on a live server holding the PRM app and sample
 * partners: a records table filtered with the rule builder and sorted, its CSV export and a dry-run
 * import of that file, a record's history, and the app's template exported and imported into a
 * second, fresh server (dry-run report, then apply). The steps run in order on one page.
 */
let studio: Studio;
let page: Page;
let fresh: LiveServer | undefined;
let exportedTemplate = '';
let exportedCsv = '';

beforeAll(async () => {
  // sample performance runs up to 2026-Q2, so that the 2026 programs pay something for that quarter
  studio = await openSignedIn({ template: 'prm', sample: true, partners: 20, referenceDate: '2026-07-01' });
  page = studio.page;
}, 240_000);

afterAll(async () => {
  await fresh?.close();
  await studio?.close();
});

const cells = (column: string) => page.locator(`.records-table td[data-column="${column}"]`).allTextContents();
const shownCount = async () => page.locator('.records-table tbody tr').count();

describe('the admin workspace in Chromium', () => {
  it('lists the app entities and opens the partners table', async () => {
    await page.goto(`${studio.url}#/records/prm`);
    await page.getByRole('link', { name: 'Channel partner' }).click();
    await page.locator('.records-table tbody tr').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Records: Channel partner');
    expect(await shownCount()).toBe(20);
  });

  it('filters with the rule builder and sorts by a column', async () => {
    await page.getByRole('checkbox', { name: 'Sales region' }).check();
    await page.locator('th', { hasText: 'Sales region' }).waitFor();
    const root = page.locator('section[data-path=""] > header');
    await root.getByRole('button', { name: 'Add condition', exact: true }).click();
    const row = page.locator('li[data-path="/children/0"]');
    await row.getByLabel('Field', { exact: true }).selectOption('region');
    await row.getByRole('checkbox', { name: 'East', exact: true }).check();
    await row.getByRole('checkbox', { name: 'South', exact: true }).check();
    await page.getByRole('button', { name: 'Apply filter' }).click();
    await expect.poll(shownCount).toBeLessThan(20);
    const regions = await cells('region');
    expect(regions.length).toBeGreaterThan(0);
    expect(new Set(regions)).toEqual(new Set(regions.filter((r) => r === 'East' || r === 'South')));

    await page.getByRole('button', { name: 'Sort by Partner name' }).click();
    await expect.poll(async () => page.locator('th[aria-sort="ascending"]').count()).toBe(1);
    const ascending = await cells('name');
    await page.getByRole('button', { name: 'Sort by Partner name' }).click();
    await expect.poll(async () => (await cells('name')).join('|')).toBe([...ascending].reverse().join('|'));
    expect(ascending).toEqual([...ascending].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await screenshot(page, 'workspace-records-en');
  });

  it('saves the view and brings it back', async () => {
    await page.getByLabel('View name').fill('East and south');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByRole('button', { name: 'Clear filter' }).click();
    await expect.poll(shownCount).toBe(20);
    await page.getByRole('button', { name: 'Apply view East and south' }).click();
    await expect.poll(shownCount).toBeLessThan(20);
  });

  it('exports the filtered records as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('partner.csv');
    exportedCsv = await readFile(await download.path(), 'utf8');
    const lines = exportedCsv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Partner name');
    expect(lines.length - 1).toBe(await shownCount());
  });

  it('checks the exported file as an import: progress, then a per-row report', async () => {
    await page.getByLabel('CSV or Excel file').setInputFiles({ name: 'partner.csv', mimeType: 'text/csv', buffer: Buffer.from(exportedCsv) });
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const progress = page.getByLabel('Progress');
    expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));
    expect(await report.textContent()).toContain('Dry run: nothing was saved.');
    // the exported partners exist already: their unique ids are reported row by row
    expect(await report.textContent()).toMatch(/\d+ rows: \d+ valid, \d+ with errors/);
    await screenshot(page, 'workspace-import-en');
  });

  it('opens a record with its history', async () => {
    await page.locator('.records-table tbody tr').first().getByRole('link', { name: 'Open' }).click();
    await page.locator('.timeline li').first().waitFor();
    expect(await page.locator('.timeline li').first().textContent()).toContain('Created');
    expect(await page.locator('[data-field="name"] dd').textContent()).not.toBe('');
    await screenshot(page, 'workspace-record-en');
  });

  it('approves a task from the inbox and shows the flow timeline', async () => {
    const recordId = decodeURIComponent(new URL(page.url()).hash.split('/').at(-1) ?? '');
    const admin = (await studio.server.storage.read.users.list()).find((u) => u.username === studio.server.admin.username);
    const label = (en: string) => ({ en, 'zh-CN': en });
    const review = {
      kind: 'flow', formatVersion: 1, id: 'partner_review', label: label('Partner review'), entity: 'partner',
      nodes: [
        { id: 'ask', type: 'start', label: label('Ask'), settings: { trigger: { on: 'manual', roles: ['admin'] } }, position: { x: 0, y: 0 } },
        { id: 'review', type: 'approval', label: label('Review the partner'), settings: { approvers: [{ by: 'user', users: [admin?.id] }], mode: 'any' }, position: { x: 1, y: 0 } },
        { id: 'done', type: 'end', label: label('Done'), settings: { outcome: 'done', label: label('Done') }, position: { x: 2, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'ask', target: 'review' },
        { id: 'e2', source: 'review', target: 'done', sourceHandle: 'approved' },
        { id: 'e3', source: 'review', target: 'done', sourceHandle: 'rejected' },
      ],
    };
    await studio.server.storage.transaction((tx) => tx.definitions.publish({ app: 'prm', kind: 'flow', id: 'partner_review', body: review as never, actor: 'test' }));
    // started as the studio would: a same-origin request with the session cookie
    const status = await page.evaluate(async (id) => (await fetch('/api/apps/prm/flows/partner_review/instances', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ recordId: id }),
    })).status, recordId);
    expect(status).toBe(201);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('link', { name: 'Review the partner' }).click();
    await page.locator('.timeline li').first().waitFor();
    expect(await page.locator('.timeline').textContent()).toContain('started the flow');
    await page.getByLabel('Comment').fill('Looks good');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Done: Approve.');
    await expect.poll(async () => page.locator('.timeline').textContent()).toContain('Looks good');
    expect(await page.locator('tr[data-task]').count()).toBe(0);
    await screenshot(page, 'workspace-inbox-en');
  });

  it('runs incentives for a period: progress, results, charts by a chosen field, an explanation, submit, finance approves', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Incentives' }).click();
    await page.getByLabel('Period', { exact: true }).fill('2026-Q2');
    await page.getByRole('button', { name: 'Start run' }).click();
    await expect.poll(async () => page.getByTestId('run-status').textContent(), { timeout: 60_000 }).toBe('Status: computed');
    const progress = page.getByLabel('Progress');
    expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));
    await page.locator('tr[data-subject]').first().waitFor();
    expect(await page.locator('tr[data-subject]').count()).toBeGreaterThan(0);

    await page.getByLabel('Group by').selectOption({ label: 'Sales region' });
    await page.getByTestId('run-charts').waitFor();
    expect(await page.getByTestId('run-charts').textContent()).toContain('Total amount by Sales region');
    expect(await page.locator('[data-testid="run-charts"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);

    // amounts in the locale's money format, and a quarter with sample sales pays something
    const amounts = (await page.locator('tr[data-subject] td.amount').allTextContents()).map((a) => Number(a.replace(/[^\d.-]/g, '')));
    expect(amounts.every((a) => Number.isFinite(a))).toBe(true);
    expect(amounts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(await page.locator('tr[data-subject] td.amount').first().textContent()).toMatch(/^CN¥\d{1,3}(,\d{3})*\.\d{2}$/);

    await page.getByLabel('Program filter').selectOption({ label: 'Quarterly growth rebate' });
    const programs = await page.locator('tr[data-subject]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-program')));
    expect(programs.length).toBeGreaterThan(0);
    expect(new Set(programs)).toEqual(new Set(['quarterly_growth_rebate']));
    expect(new Set(await page.locator('tr[data-subject] td:nth-child(2)').allTextContents())).toEqual(new Set(['Quarterly growth rebate']));

    const paying = page.locator('tr[data-subject]').filter({ has: page.locator('td.amount', { hasNotText: /^CN¥0\.00$/ }) });
    await paying.first().locator('button').click();
    const explanation = page.getByTestId('explanation');
    await explanation.waitFor();
    expect(await explanation.locator('h2').textContent()).toMatch(/^Why \S+ gets CN¥[\d,]+\.\d{2}$/);
    expect(await page.getByTestId('eligibility').textContent()).toContain('Eligible: every condition');
    expect(await page.getByTestId('explanation-inputs').textContent()).toContain("This quarter's sales");
    expect(await page.getByTestId('explanation-inputs').textContent()).toContain('Same quarter last year');
    expect(await page.getByTestId('explanation-derived').textContent()).toMatch(/Year-over-year growth/);
    expect(await page.getByTestId('explanation-derived').textContent()).toMatch(/decision table row \d/);
    expect(await page.getByTestId('explanation-lines').textContent()).toMatch(/This quarter's sales [\d,.]+ × rate [\d.]+ = /);
    expect(await explanation.textContent()).toContain('Rounding: 2 decimal places, half up.');
    expect(await page.getByTestId('explanation-total').textContent()).toMatch(/^Total: CN¥[\d,]+\.\d{2}$/);
    expect(await page.getByTestId('explanation-total').textContent()).not.toBe('Total: CN¥0.00');
    expect(await explanation.textContent()).not.toContain('{"');
    // the PRM approval flow goes to finance and never to whoever submitted the run
    const finance = await studio.server.createUser({ username: 'fin_wu', displayName: 'Wu (finance)', roles: ['finance'] });
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expect.poll(async () => page.getByTestId('run-status').textContent()).toBe('Status: submitted');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(async () => page.locator('section[aria-labelledby="run-title"] [role="alert"]').textContent()).toContain('someone other than who submitted it');
    await screenshot(page, 'workspace-incentives-en');

    // finance approves the task in its inbox: the run is final
    const fin = await studio.browser.newPage();
    await signIn({ ...studio, page: fin }, 'fin_wu', finance.password);
    await fin.locator('.language select').selectOption('en');
    await fin.goto(`${studio.url}#/inbox`);
    const task = fin.locator('tr[data-task]', { hasText: 'incentive_run_approval' });
    await task.getByRole('link', { name: 'Finance review' }).click();
    await fin.getByRole('button', { name: 'Approve', exact: true }).click();
    await fin.getByRole('status').waitFor();
    await screenshot(fin, 'workspace-incentives-finance-approved-en');
    await page.reload();
    await expect.poll(async () => page.getByTestId('run-status').textContent()).toBe('Status: final');
    await fin.context().close();
  });

  it('lists users with their roles, the permissions per entity and role, and creates a user', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
    await page.locator(`tr[data-user="${studio.server.admin.username}"]`).waitFor();
    await page.locator('tr[data-permission]').first().waitFor();
    const all = await page.locator('tr[data-permission]').count();
    await page.getByLabel('For role').selectOption({ label: 'Administrator' });
    await expect.poll(async () => page.locator('tr[data-permission]').count()).toBeLessThan(all);
    expect(await page.locator('tr[data-permission="admin_everything"]').textContent()).toContain('every entity');

    await page.getByLabel('Username').fill('finance_lee');
    await page.getByLabel('Display name').fill('Lee (finance)');
    await page.getByLabel('Email (for flow notifications)').fill('lee@example.test');
    await page.getByRole('checkbox', { name: 'Administrator' }).check();
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByTestId('generated-password').waitFor();
    expect(await page.getByTestId('generated-password').textContent()).not.toBe('');
    await page.locator('tr[data-user="finance_lee"]').waitFor();
    expect(await page.locator('tr[data-user="finance_lee"]').textContent()).toContain('lee@example.test');

    // an existing user is changed in place: a bad address is refused naming the field, nothing changes
    await page.getByRole('button', { name: 'Edit user finance_lee' }).click();
    const userEditor = page.getByTestId('user-editor');
    await userEditor.getByLabel('Email (for flow notifications)').fill('not-an-address');
    await userEditor.getByRole('button', { name: 'Save changes' }).click();
    await userEditor.locator('[data-code] code.path', { hasText: 'email' }).first().waitFor();
    expect(await page.locator('tr[data-user="finance_lee"]').textContent()).toContain('lee@example.test');
    await userEditor.getByLabel('Email (for flow notifications)').fill('lee.finance@example.test');
    await userEditor.getByLabel('Regions (comma-separated)').fill('east, south');
    await userEditor.getByLabel('Disabled (cannot sign in; signed out at once)').check();
    await userEditor.getByRole('button', { name: 'Save changes' }).click();
    await userEditor.getByRole('status').waitFor();
    await expect.poll(async () => page.locator('tr[data-user="finance_lee"]').textContent()).toContain('lee.finance@example.test');
    expect(await page.locator('tr[data-user="finance_lee"]').textContent()).toContain('disabled');
    const lee = (await studio.server.storage.read.users.list()).find((u) => u.username === 'finance_lee');
    expect(lee).toMatchObject({ email: 'lee.finance@example.test', regions: ['east', 'south'], disabled: true });
    await screenshot(page, 'workspace-user-edit-en');

    // permissions are definitions: edited here, checked by the server, published as a new version
    await page.getByLabel('For role').selectOption('');
    await page.getByRole('button', { name: 'Edit permission: Finance: onboarding applications' }).click();
    const editor = page.getByTestId('permission-editor');
    await editor.getByRole('checkbox', { name: 'Import' }).check();
    await editor.getByRole('button', { name: 'Save and publish' }).click();
    await editor.locator('[data-code] code.path', { hasText: 'writableFields' }).first().waitFor();
    await editor.getByRole('checkbox', { name: 'Import' }).uncheck();
    await editor.getByRole('checkbox', { name: 'Export' }).check();
    await editor.getByRole('button', { name: 'Save and publish' }).click();
    await editor.getByRole('status').waitFor();
    expect(await editor.getByRole('status').textContent()).toBe('Published as version 2.');
    await expect.poll(async () => page.locator('tr[data-permission="finance_applications"]').textContent()).toContain('read, export');
    await screenshot(page, 'workspace-users-en');
  });

  it('exports the app template', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Templates' }).click();
    const link = page.locator('a[data-app="prm"]');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('prm.template.json');
    exportedTemplate = await readFile(await download.path(), 'utf8');
    expect((JSON.parse(exportedTemplate) as { app: { id: string } }).app.id).toBe('prm');
  });

  it('imports the template into a fresh server: dry-run report, then apply', async () => {
    fresh = await startLiveServer({ uiRoots: { studio: await buildUi(STUDIO_ROOT) } });
    await signIn({ ...studio, url: `${fresh.url}/studio/`, server: fresh });
    await page.goto(`${fresh.url}/studio/#/templates`);
    // another origin: the language chosen on the first server is not remembered here
    await page.locator('.language select').selectOption('en');
    expect(await page.locator('a[data-app]').count()).toBe(0);
    await page.getByLabel('Template file (JSON)').setInputFiles({ name: 'prm.template.json', mimeType: 'application/json', buffer: Buffer.from(exportedTemplate) });
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    const report = page.getByTestId('template-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('The import can be applied.');
    expect(await page.getByTestId('template-counts').textContent()).toMatch(/^\d+ new, 0 changed, 0 unchanged, 0 conflicting$/);
    expect(await page.locator('tr[data-status="new"]').count()).toBeGreaterThan(3);
    await screenshot(page, 'workspace-template-dry-run-en');
    await page.getByRole('button', { name: 'Apply import' }).click();
    await expect.poll(async () => report.textContent()).toContain('Applied: app prm is imported.');
    await page.locator('a[data-app="prm"]').waitFor();
  });

  it('switches the workspace to Chinese', async () => {
    await page.locator('.language select').selectOption('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('模板');
    expect(await report().textContent()).toContain('已执行：应用 prm 已导入。');
    await page.goto(`${fresh?.url ?? ''}/studio/#/records/prm/partner`);
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toBe('记录：渠道伙伴');
    await screenshot(page, 'workspace-records-zh');
  });
});

const report = () => page.getByTestId('template-report');
