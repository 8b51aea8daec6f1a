import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { clickEdge as clickConnection, connect as drawConnection } from './flow-canvas.js';
import { createNamed, openSignedIn, screenshot, type Studio } from './harness.js';

/*
 * A flow drawn from nothing in Debian's Chromium: named on the app screen, then in the designer a
 * manual start, an approval by whoever starts it, a condition on the partner's credit limit with a
 * default branch and three ends; published, started on a partner from its record page, approved in
 * the inbox, and ended through the branch the partner's data picks.
 */
let studio: Studio;
let page: Page;
let partner = { id: '', creditLimit: 0 };

beforeAll(async () => {
  studio = await openSignedIn({ template: 'prm', sample: true, partners: 5 });
  page = studio.page;
  const { items } = await studio.server.storage.read.records.list({ app: 'prm', entity: 'partner', limit: 50 });
  const limits = items.map((r) => ({ id: r.id, creditLimit: Number((r.data as { creditLimit?: number }).creditLimit ?? 0) }));
  partner = limits.reduce((a, b) => (b.creditLimit > a.creditLimit ? b : a));
}, 240_000);

afterAll(async () => {
  await studio?.close();
});

const node = (id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
const panel = () => page.locator('aside.properties');
const settings = () => panel().locator('.node-panel');
const status = () => page.getByTestId('flow-status');
const problemsOf = async (id: string) => node(id).locator('.step').getAttribute('data-problems');
/** Half the partner's credit limit: the partner is above it, so the conditional branch is the one to take. */
const threshold = () => Math.floor(partner.creditLimit / 2);

/** Draws a connection and waits for it to be on the canvas. */
async function connect(source: string, port: string, target: string): Promise<void> {
  const before = await page.locator('.react-flow__edge').count();
  await drawConnection(page, source, port, target);
  await expect.poll(async () => page.locator('.react-flow__edge').count()).toBe(before + 1);
}

/** Adds a step from the palette by keyboard-reachable button, and lays the flow out so that every step has room. */
async function addStep(kind: string, id: string): Promise<void> {
  await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
  await node(id).waitFor();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForTimeout(300); // the view fits itself to the laid-out flow on the next frame
}

async function name(zh: string, en: string): Promise<void> {
  await settings().getByLabel('Name 中文').fill(zh);
  await settings().getByLabel('Name 中文').press('Tab');
  await settings().getByLabel('Name English').fill(en);
  await settings().getByLabel('Name English').press('Tab');
}

async function addEnd(id: string, outcome: string, zh: string, en: string): Promise<void> {
  await addStep('End', id);
  await name(zh, en);
  await settings().getByLabel('Outcome', { exact: true }).fill(outcome);
  await settings().getByLabel('Outcome', { exact: true }).press('Tab');
}

const clickEdge = (source: string, target: string) => clickConnection(page, source, target);

describe('a flow drawn from scratch, published and run from the inbox', () => {
  it('names a new flow over partners on the app screen and opens it with only a start', async () => {
    expect(partner.creditLimit).toBeGreaterThan(1);
    await page.goto(`${studio.url}#/apps/prm`);
    await page.locator('form[aria-labelledby="new-flow-title"]').getByLabel('Runs on the records of').selectOption('partner');
    await createNamed(page, 'new-flow-title', { idLabel: 'Flow id', id: 'credit_review', zh: '授信复核', en: 'Credit review', submit: 'Create flow' });
    await node('start').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(1);
  });

  it('draws a manual start, an approval with its approver, a condition and three ends', async () => {
    await node('start').click();
    await settings().getByLabel('Trigger Starts when').selectOption('manual');

    await addStep('Approval', 'approval');
    await name('授信审批', 'Approve the credit');
    expect(await problemsOf('approval')).toContain('FLOW_APPROVAL_NO_APPROVERS');
    await settings().getByRole('button', { name: 'Add Approvers' }).click();
    await settings().getByLabel('Approvers 1 Who').selectOption('initiator');
    await connect('start', 'out', 'approval');

    await addStep('Condition', 'condition');
    await name('额度判断', 'Credit check');
    await connect('approval', 'approved', 'condition');

    await addEnd('end', 'large', '大额授信', 'Large credit');
    await addEnd('end_2', 'standard', '标准授信', 'Standard credit');
    await addEnd('end_3', 'declined', '已拒绝', 'Declined');
    await connect('condition', 'out', 'end');
    await connect('condition', 'out', 'end_2');
    await connect('approval', 'rejected', 'end_3');
    expect(await problemsOf('condition')).toBe('FLOW_CONDITION_NO_DEFAULT');
    expect(await page.getByRole('toolbar').getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    await screenshot(page, 'flow-scratch-drawn-en');
  });

  it('sets the branches through the rule builder: credit limit above a threshold, else the default', async () => {
    await clickEdge('Credit check', 'Standard credit');
    await panel().getByLabel('Default branch (taken when no other branch holds)').check();
    await clickEdge('Credit check', 'Large credit');
    const edge = panel().locator('.edge-panel');
    await edge.getByRole('button', { name: 'Add condition', exact: true }).click();
    await edge.getByLabel('Field', { exact: true }).selectOption('creditLimit');
    await edge.getByLabel('Credit limit (CNY) Operator').selectOption('gt');
    await edge.getByLabel('Credit limit (CNY) Value').fill(String(threshold()));
    await edge.getByLabel('Credit limit (CNY) Value').press('Tab');
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await expect.poll(async () => status().textContent()).toBe('No problems: ready to publish.');
    expect(await problemsOf('condition')).toBe('');
    await screenshot(page, 'flow-scratch-condition-en');
  });

  it('publishes version 1', async () => {
    await page.getByRole('toolbar').getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    expect(await dialog.textContent()).toContain('This is the first version.');
    await dialog.getByRole('button', { name: 'Publish version 1' }).click();
    await expect.poll(async () => page.locator('.notice').textContent()).toBe('Published version 1.');
    const published = await studio.server.storage.read.definitions.getVersion({ app: 'prm', kind: 'flow', id: 'credit_review', version: 1 });
    const body = published?.body as { nodes: { type: string }[]; edges: { condition?: unknown; isDefault?: boolean }[] };
    expect(body.nodes.map((n) => n.type).sort()).toEqual(['approval', 'condition', 'end', 'end', 'end', 'start']);
    expect(body.edges.find((e) => e.condition !== undefined)?.condition).toEqual({ and: [{ '>': [{ var: 'creditLimit' }, threshold()] }] });
    expect(body.edges.filter((e) => e.isDefault === true)).toHaveLength(1);
  });

  it('starts it on a partner from the record page, approves it in the inbox, and it ends through the credit branch', async () => {
    await page.goto(`${studio.url}#/records/prm/partner/${encodeURIComponent(partner.id)}`);
    await page.getByLabel('Flow to start').selectOption({ label: 'Credit review' });
    await page.getByRole('button', { name: 'Start flow' }).click();
    const instance = page.locator('li[data-flow="credit_review"]');
    await expect.poll(async () => instance.locator('.instance-status').textContent()).toBe('running');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('link', { name: 'Approve the credit' }).click();
    await page.getByLabel('Comment').fill('Within policy');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(async () => page.getByRole('status').textContent()).toBe('Done: Approve.');
    await screenshot(page, 'flow-scratch-inbox-en');

    // the partner's credit limit is above the threshold: the condition sends it to "large"
    const expected = partner.creditLimit > threshold() ? 'large' : 'standard';
    await page.goto(`${studio.url}#/records/prm/partner/${encodeURIComponent(partner.id)}`);
    await expect.poll(async () => instance.locator('.instance-status').textContent()).toBe('completed');
    expect(await instance.locator('.instance-outcome').textContent()).toBe(`outcome: ${expected}`);
    expect(await page.locator('.timeline li[data-action="flow.approve"]').textContent()).toContain('Approved in a flow');
    await screenshot(page, 'flow-scratch-record-en');
  });
});
