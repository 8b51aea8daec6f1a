import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { compileDecisionTable, evaluateReference, type DecisionTable } from '@trellis/rules';
import { openSignedIn, screenshot, type Studio } from './harness.js';

/*
 * An admin changes a rebate tier in a program's decision table in the studio, publishes it, reruns
 * the period from the incentive runs screen and sees the partner's payout change. The expected
 * amounts are computed here from the partner's performance records and the program as stored.
 */
const PROGRAM = 'annual_attainment_rebate';
const PERIOD = '2026';

let studio: Studio;
let page: Page;

beforeAll(async () => {
  // sample performance for 2026-Q1 and Q2, so that the annual program pays something for 2026
  studio = await openSignedIn({ template: 'prm', sample: true, partners: 20, referenceDate: '2026-07-01' });
  page = studio.page;
  await page.goto(`${studio.url}#/apps/prm`); // opening the app makes it the one the table editor works on
  await page.locator('h1').waitFor();
}, 240_000);

afterAll(async () => {
  await studio?.close();
});

interface ProgramBody {
  derived: { id: string; table?: DecisionTable }[];
  caps?: { perSubject?: number };
}

async function program(version: number): Promise<ProgramBody> {
  const found = await studio.server.storage.read.definitions.getVersion({ app: 'prm', kind: 'program', id: PROGRAM, version });
  return found?.body as unknown as ProgramBody;
}

/** The partner's year: actual and target summed over the year's quarters, as the program's metrics do. */
async function yearOf(partnerId: string): Promise<{ actual: number; target: number }> {
  const { items } = await studio.server.storage.read.records.list({ app: 'prm', entity: 'performance', filter: { '==': [{ var: 'partnerId' }, partnerId] }, limit: 500 });
  const year = items.map((r) => r.data as { period: string; actual: number; target: number }).filter((d) => d.period.startsWith(`${PERIOD}-`));
  return { actual: year.reduce((a, d) => a + d.actual, 0), target: year.reduce((a, d) => a + d.target, 0) };
}

/** Half-up at `scale` places on decimal strings, so 0.125 → 0.13 as the engine's exact decimals give. */
function roundHalfUp(value: number, scale: number): number {
  return Number(`${Math.round(Number(`${value.toFixed(8)}e${scale}`))}e-${scale}`);
}

/** Cents of actual × rate, rounded half up in integers (no binary-float drift at .5). */
function payout(actual: number, rate: number, cap: number | undefined): number {
  const micro = BigInt(Math.round(actual * 100)) * BigInt(Math.round(rate * 10_000)); // 1e-6 units
  const cents = Number((micro + 5_000n) / 10_000n);
  return Math.min(cents / 100, cap ?? Number.POSITIVE_INFINITY);
}

const rateTable = (body: ProgramBody) => {
  const table = body.derived.find((d) => d.table !== undefined)?.table;
  if (table === undefined) throw new Error('the program has no decision table');
  return table;
};

/** The row index (0-based) the attainment falls in, and the rate it gives, through the rules engine. */
function tierOf(table: DecisionTable, attainment: number): { row: number; rate: number } {
  const direct = { ...table, inputs: table.inputs.map((i) => ({ ...i, expr: { var: [i.id] } })) };
  const row = table.rows.findIndex((r) => {
    const hits = evaluateReference(compileDecisionTable({ ...direct, hitPolicy: 'collect', rows: [r] }), { attainment });
    return Array.isArray(hits) && hits.length > 0;
  });
  return { row, rate: Number(evaluateReference(compileDecisionTable(direct), { attainment })) };
}

const amountOf = async (subject: string) => {
  const text = await page.locator(`tr[data-program="${PROGRAM}"][data-subject="${subject}"] td.amount`).textContent();
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
};

async function runPeriod(): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Incentives' }).click();
  const before = page.url();
  await page.getByLabel('Period', { exact: true }).fill(PERIOD);
  await page.getByRole('button', { name: 'Start run' }).click();
  await expect.poll(() => page.url()).not.toBe(before);
  await expect.poll(async () => page.getByTestId('run-status').textContent(), { timeout: 90_000 }).toBe('Status: computed');
  await page.locator(`tr[data-program="${PROGRAM}"]`).first().waitFor();
}

describe('a rebate tier changed in the studio changes the payout of a rerun', () => {
  let subject = '';
  let actual = 0;
  let tier = { row: -1, rate: 0 };

  it('runs the period: a paying partner gets actual sales × the rate of its attainment tier', async () => {
    await runPeriod();
    const paying = page.locator(`tr[data-program="${PROGRAM}"]`).filter({ has: page.locator('td.amount', { hasNotText: /^CN¥0\.00$/ }) });
    subject = (await paying.first().getAttribute('data-subject')) ?? '';
    expect(subject).toMatch(/^P\d{6}$/);

    const year = await yearOf(subject);
    actual = year.actual;
    const attainment = year.target > 0 ? roundHalfUp(year.actual / year.target, 4) : 0;
    const before = await program(1);
    tier = tierOf(rateTable(before), attainment);
    expect(tier.row).toBeGreaterThanOrEqual(0);
    expect(tier.rate).toBeGreaterThan(0);
    expect(await amountOf(subject)).toBe(payout(actual, tier.rate, before.caps?.perSubject));
  });

  it('raises that tier\'s rate in the program\'s decision table and publishes it', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Decision tables' }).click();
    await page.getByLabel('Table', { exact: true }).selectOption({ label: 'Annual target attainment rebate · Rebate rate' });
    const rate = page.getByLabel(`Rebate rate, row ${tier.row + 1}`, { exact: true });
    expect(Number(await rate.inputValue())).toBe(tier.rate);
    await rate.fill(String(roundHalfUp(tier.rate + 0.01, 4)));
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(async () => page.locator('.screen.tables [role="status"]').textContent()).toBe('Published as version 2: new runs and records use it.');
    await screenshot(page, 'decision-table-program-published-en');
    expect(rateTable(await program(2)).rows[tier.row]?.then).toEqual([roundHalfUp(tier.rate + 0.01, 4)]);
  });

  it('reruns the period and the partner\'s payout follows the new rate', async () => {
    await runPeriod();
    const after = await program(2);
    const raised = tierOf(rateTable(after), roundHalfUp(actual / (await yearOf(subject)).target, 4));
    expect(raised).toEqual({ row: tier.row, rate: roundHalfUp(tier.rate + 0.01, 4) });
    const expected = payout(actual, raised.rate, after.caps?.perSubject);
    expect(expected).toBeGreaterThan(payout(actual, tier.rate, after.caps?.perSubject));
    expect(await amountOf(subject)).toBe(expected);
    await screenshot(page, 'incentives-rerun-after-tier-change-en');
  });
});
