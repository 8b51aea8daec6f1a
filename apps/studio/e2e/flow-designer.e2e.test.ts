import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { clickEdge as clickConnection, connect as drawConnection } from './flow-canvas.js';
import { openStudio, screenshot, signIn, type Studio } from './harness.js';

/*
 * The flow designer in Debian's Chromium, on a real server holding the PRM app: open the onboarding
 * flow, insert an approval and a condition by drawing, see the canvas refuse to publish until they
 * are complete, lay out, undo and redo, publish a new version, switch language.
 */
let studio: Studio;
let page: Page;

beforeAll(async () => {
  studio = await openStudio({ template: 'prm' });
  await signIn(studio);
  page = studio.page;
  // opening the app makes it the current one: the designer then edits its flows on the server
  await page.goto(`${studio.url}#/apps/prm`);
  await page.locator('[data-definition="flow/partner_onboarding"]').waitFor();
  await page.locator('.language select').selectOption('en');
  await page.goto(`${studio.url}#/flows/partner_onboarding`);
  await node('submitted').waitFor();
}, 180_000);

afterAll(async () => {
  await studio?.close();
});

function node(id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

const status = () => page.getByTestId('flow-status');
const publishButton = () => page.getByRole('toolbar').getByRole('button', { name: 'Publish', exact: true });
const panel = () => page.locator('aside.properties');

const connect = (source: string, port: string, target: string) => drawConnection(page, source, port, target);
const clickEdge = (source: string, target: string) => clickConnection(page, source, target);

async function transformOf(id: string): Promise<string> {
  return (await node(id).getAttribute('style'))?.match(/translate\([^)]*\)/)?.[0] ?? '';
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error(`${String(locator)} is not on screen`);
  return found;
}

/** Drops a palette item on the canvas `dy` pixels below a node (where the PRM flow has room). */
async function dropBelow(kind: string, nodeId: string, dy: number): Promise<void> {
  const pane = await box(page.locator('.flow-canvas'));
  const under = await box(node(nodeId));
  const at = { x: under.x - pane.x + under.width / 2, y: under.y - pane.y + under.height + dy };
  await page.locator(`.palette-item[data-kind="${kind}"]`).dragTo(page.locator('.flow-canvas .react-flow__pane'), { targetPosition: at });
}

describe('the flow designer in Chromium', () => {
  it('opens the onboarding flow from the server, complete and publishable', async () => {
    expect(await page.locator('h1').textContent()).toBe('Flow designer');
    expect(await page.locator('.react-flow__node').count()).toBe(14);
    expect(await status().textContent()).toBe('No problems: ready to publish.');
    expect(await publishButton().isEnabled()).toBe(true);
    // the palette is generated from the node kinds
    expect(await page.locator('.palette-item strong').allTextContents())
      .toEqual(['Start', 'Form task', 'Approval', 'Condition', 'Compute', 'Notify', 'Wait', 'Parallel split', 'Parallel join', 'End']);
    await screenshot(page, 'flow-opened-en');
  });

  it('adds an approval from the palette and marks it, blocking publishing', async () => {
    // zoom in on the end of the review, between "approved: assign the number" and "mark as rejected", with the wheel
    const from = await box(node('approve'));
    const to = await box(node('reject'));
    const zoom = async () => Number((await page.locator('.react-flow__viewport').getAttribute('style'))?.match(/scale\(([\d.]+)\)/)?.[1]);
    const before = await zoom();
    // a double click on the empty canvas zooms in twofold around the pointer
    await page.mouse.dblclick(from.x + from.width / 2, (from.y + from.height + to.y) / 2);
    await page.waitForFunction((k) => {
      const style = document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '';
      return Number(style.match(/scale\(([\d.]+)\)/)?.[1]) > k * 1.9;
    }, before);
    await dropBelow('approval', 'approve', 40);
    const approval = node('approval');
    await approval.waitFor();
    // the step's own settings come first on the marker: they are what the panel fixes
    expect(await approval.locator('.step-problems li').first().textContent()).toBe('An approval needs at least one approver');
    expect(await approval.locator('.step').getAttribute('data-problems'))
      .toBe('FLOW_APPROVAL_NO_APPROVERS FLOW_PORT_UNCONNECTED FLOW_PORT_UNCONNECTED FLOW_UNREACHABLE');
    expect(await approval.getAttribute('class')).toContain('selected');
    expect(await status().textContent()).toContain('Fix the problems before publishing');
    expect(await publishButton().isDisabled()).toBe(true);

    // insert it between "approved: assign the partner number" and the contract
    await clickEdge('Approved: assign the partner number', 'Partner signs the contract');
    await panel().getByRole('button', { name: 'Delete' }).click();
    await connect('approve', 'out', 'approval');
    await connect('approval', 'approved', 'contract');
    await connect('approval', 'rejected', 'reject');
    const codes = await approval.locator('.step').getAttribute('data-problems');
    expect(codes).toBe('FLOW_APPROVAL_NO_APPROVERS');
    expect(await node('contract').locator('.step').getAttribute('data-problems')).toBe('');
    await screenshot(page, 'flow-approval-without-approvers-en');
  });

  it('sets the approvers, the mode and a reminder in the property panel', async () => {
    await node('approval').click();
    const settings = panel().locator('.node-panel');
    await settings.getByRole('button', { name: 'Add Approvers' }).click();
    await settings.getByLabel('Approvers 1 Who').selectOption('owner_manager');
    await settings.getByLabel('Decision', { exact: true }).selectOption('all');
    await settings.getByRole('button', { name: 'Set Time limits (SLA)' }).click();
    await settings.getByRole('button', { name: 'Set Remind after' }).click();
    await settings.getByLabel('Remind after', { exact: true }).selectOption('workingDays');
    await settings.getByLabel('Working days', { exact: true }).fill('2');
    await settings.getByLabel('Working days', { exact: true }).press('Tab');
    expect(await node('approval').locator('.step').getAttribute('data-problems')).toBe('');
    expect(await status().textContent()).toBe('No problems: ready to publish.');
    await screenshot(page, 'flow-approval-panel-en');
  });

  it('draws a condition whose branches need a rule or the default', async () => {
    await dropBelow('condition', 'contract', 40);
    await node('condition').waitFor();
    await connect('approval', 'approved', 'condition');
    await clickEdge('Approval', 'Partner signs the contract');
    await panel().getByRole('button', { name: 'Delete' }).click();
    await connect('condition', 'out', 'contract');
    await connect('condition', 'out', 'create_partner');
    expect(await node('condition').locator('.step').getAttribute('data-problems')).toBe('FLOW_CONDITION_NO_DEFAULT');
    expect(await page.locator('.react-flow__edge.has-problem').count()).toBe(2);
    expect(await publishButton().isDisabled()).toBe(true);

    await clickEdge('Condition', 'Create and tier the partner');
    await panel().getByLabel('Default branch (taken when no other branch holds)').check();
    await clickEdge('Condition', 'Partner signs the contract');
    const edge = panel().locator('.edge-panel');
    await edge.getByRole('button', { name: 'Add condition', exact: true }).click();
    await edge.getByLabel('Field', { exact: true }).selectOption('requestedCreditLimit');
    await edge.getByLabel('Requested credit limit (CNY) Operator').selectOption('gt');
    await edge.getByLabel('Requested credit limit (CNY) Value').fill('0');
    // a name in one language only is a problem of its own (the format wants both)
    await edge.getByLabel('Name English').fill('Has credit');
    await edge.getByLabel('Name English').press('Tab');
    expect(await edge.locator('.problems').textContent()).toContain('edges.');
    expect(await publishButton().isDisabled()).toBe(true);
    await edge.getByLabel('Name 中文').fill('有授信');
    await edge.getByLabel('Name 中文').press('Tab');
    expect(await page.locator('.react-flow__edge.has-problem').count()).toBe(0);
    expect(await node('condition').locator('.step').getAttribute('data-problems')).toBe('');
    expect(await status().textContent()).toBe('No problems: ready to publish.');
    await screenshot(page, 'flow-condition-en');
  });

  it('lays the flow out, and undoes and redoes it with the keyboard', async () => {
    const before = await transformOf('approval');
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    const laidOut = await transformOf('approval');
    expect(laidOut).not.toBe(before);
    await screenshot(page, 'flow-auto-layout-en');
    await page.locator('.flow-canvas .react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    expect(await transformOf('approval')).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    expect(await transformOf('approval')).toBe(laidOut);
    // undo reaches back past the drawing: step by step to before the default branch was chosen…
    const problemsOfCondition = async () => await node('condition').locator('.step').getAttribute('data-problems');
    let undone = 0;
    while (undone < 12 && await problemsOfCondition() !== 'FLOW_CONDITION_NO_DEFAULT') {
      await page.keyboard.press('Control+z');
      undone++;
    }
    expect(await problemsOfCondition()).toBe('FLOW_CONDITION_NO_DEFAULT');
    expect(await publishButton().isDisabled()).toBe(true);
    // …and redo brings every step back
    for (let i = 0; i < undone; i++) await page.keyboard.press('Control+Shift+z');
    expect(await status().textContent()).toBe('No problems: ready to publish.');
    expect(await transformOf('approval')).toBe(laidOut);
  });

  it('publishes version 2 after showing what changed', async () => {
    await publishButton().click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    const changes = await dialog.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-change')));
    expect(changes).toEqual(expect.arrayContaining(['node:approval:added', 'node:condition:added', 'edge:e11:removed']));
    expect(await dialog.textContent()).toContain('Changes since version 1');
    // the layout moved every step of version 1: one line, not fourteen
    expect(await dialog.locator('[data-change="moved"]').textContent()).toBe('14 steps moved on the canvas');
    expect(await dialog.locator('li[data-change="edge:e11:removed"]').textContent()).toContain('Approved: assign the partner number → Partner signs the contract');
    await screenshot(page, 'flow-publish-diff-en');
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();
    // the notice comes once the server has answered: only then is version 2 there to read
    await page.locator('.notice').waitFor();
    const versions = await page.evaluate(async () => (await fetch('/api/apps/prm/definitions/flow/partner_onboarding/versions')).json() as Promise<{ version: number }[]>);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    // the notice gives the server's own diff between the versions
    const diff = await page.evaluate(async () => (await fetch('/api/apps/prm/definitions/flow/partner_onboarding/diff?from=1&to=2')).json() as Promise<{ changes: string[] }>);
    expect(diff.changes).toEqual(expect.arrayContaining(['/nodes/14', '/nodes/15']));
    expect(await page.locator('.notice').textContent())
      .toBe(`Published version 2: the server records ${diff.changes.length} changes since version 1.`);
  });

  it('opens the approval flow of incentive runs: finance decides, never who submitted the run', async () => {
    const picker = page.getByLabel('Flow', { exact: true });
    await picker.selectOption({ label: 'Incentive run approval' });
    await node('rejected').waitFor();
    await node('finance_review').click();
    const setting = panel().locator('.node-panel [data-path="excludeInitiator"]');
    expect(await setting.locator('.prop-label').textContent()).toBe('Never who started it (separation of duties)');
    expect(await setting.getByRole('checkbox').isChecked()).toBe(true);
    expect(await status().textContent()).toBe('No problems: ready to publish.');
    await screenshot(page, 'flow-incentive-run-approval-en');
    await picker.selectOption({ label: 'Partner onboarding' });
    await node('submitted').waitFor();
  });

  it('edits what a compute step sets as formulas, never JSON: fields, and a template of rows', async () => {
    await node('create_partner').click();
    const settings = panel().locator('.node-panel');
    const formulas = settings.getByRole('combobox', { name: 'Formula' });
    await formulas.first().waitFor();
    const texts = await formulas.evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    // the name comes from the company name; the contacts row from the contact's name and phone, and a fixed role
    expect(texts).toEqual(expect.arrayContaining(['partnerId', 'companyName', 'contactName', 'contactPhone', '"主要联系人"', 'today()']));
    expect(await settings.locator('textarea[title="JSON; applied when you leave the box."]').count()).toBe(0);
    // the row's properties (in the order the database keeps a JSON object's keys)
    expect((await settings.locator('li.template-part > input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).sort()).toEqual(['name', 'phone', 'role']);
    const role = formulas.filter({ hasText: '主要联系人' });
    await role.fill('"首要联系人"');
    await screenshot(page, 'flow-compute-formulas-en');
    await publishButton().click();
    const dialog = page.getByRole('dialog', { name: 'Publish a new version' });
    await dialog.getByRole('button', { name: 'Publish version 3' }).click();
    await page.locator('.notice', { hasText: 'Published version 3' }).waitFor();
    const published = await page.evaluate(async () => (await fetch('/api/apps/prm/definitions/flow/partner_onboarding')).json() as Promise<{ body: { nodes: { id: string; settings: { assignments?: { field: string; rule?: unknown; template?: unknown }[] } }[] } }>);
    const assignments = published.body.nodes.find((n) => n.id === 'create_partner')?.settings.assignments ?? [];
    expect(assignments.find((a) => a.field === 'name')?.rule).toEqual({ var: 'companyName' });
    expect(assignments.find((a) => a.field === 'contacts')?.template).toEqual([{ name: { $rule: { var: 'contactName' } }, phone: { $rule: { var: 'contactPhone' } }, role: '首要联系人' }]);
  });

  it('opens every step of every template flow in its panel without a JSON box', async () => {
    const picker = page.getByLabel('Flow', { exact: true });
    const flows = await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(flows).toEqual(expect.arrayContaining(['partner_onboarding', 'mdf_request', 'red_yellow_card', 'incentive_run_approval']));
    const opened: string[] = [];
    let formulas = 0;
    for (const flow of flows) {
      const stored = await page.evaluate(async (id) => (await fetch(`/api/apps/prm/definitions/flow/${id}`)).json() as Promise<{ body: { nodes: { id: string }[] } }>, flow);
      const ids = stored.body.nodes.map((n) => n.id);
      await picker.selectOption(flow);
      // the canvas shows this flow, not still the one before, once it holds exactly its steps
      await page.waitForFunction((want) => {
        const shown = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id')).sort();
        return JSON.stringify(shown) === JSON.stringify(want);
      }, [...ids].sort());
      await page.getByRole('button', { name: 'Fit the flow' }).click();
      for (const id of ids) {
        await node(id).click();
        const settings = panel().locator('.node-panel');
        await settings.waitFor();
        // formulas are the only text areas; a rule no formula can say would open its JSON view instead
        const boxes = await settings.locator('textarea:not([role="combobox"])').count();
        if (boxes > 0) await screenshot(page, `flow-json-${id}`);
        expect({ flow, id, boxes }).toEqual({ flow, id, boxes: 0 });
        formulas += await settings.getByRole('combobox', { name: 'Formula' }).count();
        opened.push(`${flow}/${id}`);
      }
    }
    expect(opened.length).toBeGreaterThan(30);
    // the panels did show their settings: the compute steps alone set over 30 fields by formula
    expect(formulas).toBeGreaterThan(30);
    await picker.selectOption('partner_onboarding');
    await node('submitted').waitFor();
  });

  it('switches to Chinese: palette, panel and markers', async () => {
    await page.locator('.language select').selectOption('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('流程设计器');
    await page.getByRole('button', { name: '添加审批', exact: true }).click();
    const added = node('approval_2');
    await added.waitFor();
    expect(await added.locator('.step-problems').textContent()).toContain('审批节点至少需要一个审批人');
    expect(await panel().locator('.node-panel h2').textContent()).toContain('审批');
    expect(await status().textContent()).toContain('请先解决问题再发布');
    await screenshot(page, 'flow-zh');
  });
});
