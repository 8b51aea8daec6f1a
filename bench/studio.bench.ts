/**
 * The studio in Debian's Chromium, built as shipped and served by a live server. Each measurement
 * gets the signed-in page and adds its rows; add one by appending to MEASUREMENTS.
 *
 * Keystroke latency at 150 fields: the time from a key's event timestamp (when Chromium received
 * it, so waiting behind earlier work counts) to the end of the page's synchronous response to it,
 * React's re-render and a forced style and layout included. Typed at 20 keys per second into
 * (a) a text box of the live preview and (b) a label box of the property panel.
 */
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium } from '@trellis/server/testing/browser';
import { buildUi } from '@trellis/server/testing/build-ui';
import { startLiveServer, type LiveServer } from '@trellis/server/testing/live-server';
import { largeForm } from '../apps/studio/src/builder/large-form.js';
import { toDefinition } from '../apps/studio/src/builder/to-definition.js';
import { report, type ResultRow } from './lib/results.js';

const STUDIO = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'studio');

export interface StudioSession {
  readonly page: Page;
  readonly server: LiveServer;
  /** the studio's address */
  readonly url: string;
  /** calls /api with the page's session */
  readonly api: (method: string, path: string, body?: unknown) => Promise<unknown>;
}

type Measurement = (session: StudioSession) => Promise<ResultRow[]>;

const FIELDS = 150;
const TEXT = 'the quick brown fox jumps over';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/*
 * The probes run in the page as source text: functions passed to page.evaluate would carry the
 * helpers tsx adds when it compiles this file, which do not exist in the page.
 */
const START_PROBE = `(() => {
  const w = window;
  w.__latencies = [];
  w.__t0 = null;
  const down = (e) => { w.__t0 = e.timeStamp; };
  // bubbling at the document: after React's root listener and the synchronous re-render it flushes
  const input = () => {
    if (w.__t0 === null) return;
    void document.body.offsetHeight;
    w.__latencies.push(performance.now() - w.__t0);
    w.__t0 = null;
  };
  w.__stopProbe = () => {
    document.removeEventListener('keydown', down, true);
    document.removeEventListener('input', input, false);
    return w.__latencies;
  };
  document.addEventListener('keydown', down, true);
  document.addEventListener('input', input, false);
})()`;

/** Latencies (ms) of typing `text` into the focused element. */
async function typeAndMeasure(page: Page, text: string): Promise<number[]> {
  await page.evaluate(START_PROBE);
  await page.keyboard.type(text, { delay: 50 });
  // whatever the last keystroke deferred (the preview following the edit) finishes before the next measurement
  await page.waitForTimeout(1000);
  return page.evaluate('window.__stopProbe()') as Promise<number[]>;
}

function latencyRows(subject: string, latencies: readonly number[]): ResultRow[] {
  const sorted = [...latencies].sort((a, b) => a - b);
  return [
    { benchmark: `keystroke latency, ${FIELDS} fields (p50)`, subject, value: percentile(sorted, 50), unit: 'ms' },
    { benchmark: `keystroke latency, ${FIELDS} fields (p95)`, subject, value: percentile(sorted, 95), unit: 'ms' },
    { benchmark: `keystroke latency, ${FIELDS} fields (max)`, subject, value: sorted.at(-1) ?? Number.NaN, unit: 'ms' },
  ];
}

const keystrokes: Measurement = async ({ page, url, api }) => {
  await api('POST', '/apps', { id: 'bench', label: { 'zh-CN': '基准', en: 'Bench' } });
  await api('PUT', '/apps/bench/definitions/entity/large/draft', toDefinition(largeForm('large', FIELDS)));
  await page.goto(`${url}#/apps/bench/forms/large`);
  await page.locator('.preview #root_f0').waitFor();
  await page.locator('.preview #root_f0').click();
  const preview = await typeAndMeasure(page, TEXT);
  await page.locator('.field-card[data-key="f72"] .field-summary').click();
  await page.locator('.builder-properties fieldset.text-pair').first().locator('input').nth(1).click();
  const properties = await typeAndMeasure(page, TEXT);
  return [...latencyRows('typing in the preview', preview), ...latencyRows('editing a label in the property panel', properties)];
};

/** Measurements on the signed-in studio, in order; each adds its rows to bench/results/studio.json. */
const MEASUREMENTS: readonly Measurement[] = [keystrokes];

export async function run(): Promise<void> {
  const dist = await buildUi(STUDIO);
  const server = await startLiveServer({ uiRoots: { studio: dist } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const url = `${server.url}/studio/`;
    await page.goto(url);
    await page.locator('input[name="username"]').fill(server.admin.username);
    await page.locator('input[name="password"]').fill(server.admin.password);
    await page.locator('form.sign-in button[type="submit"]').click();
    await page.locator('.topbar .user').waitFor();
    // through the page, so the session cookie goes along
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await page.request.fetch(`${server.url}/api${path}`, { method, ...(body === undefined ? {} : { data: body }) });
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
      return response.status() === 204 ? null : await response.json() as unknown;
    };
    const rows: ResultRow[] = [];
    for (const measure of MEASUREMENTS) rows.push(...await measure({ page, server, url, api }));
    // wall-clock latencies depend on what else the machine runs: the load says how busy it was
    rows.push({ benchmark: 'machine load during the run (1-minute average)', subject: 'machine', value: loadavg()[0] ?? Number.NaN, unit: 'runnable tasks' });
    report('studio', rows);
  } finally {
    await browser.close();
    await server.close();
  }
}
