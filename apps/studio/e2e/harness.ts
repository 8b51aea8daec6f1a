import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, screenshot as save, type TestBrowser } from '@trellis/server/testing/browser';
import { buildUi } from '@trellis/server/testing/build-ui';
import { startLiveServer, type LiveServer, type LiveServerOptions } from '@trellis/server/testing/live-server';

export const STUDIO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SCREENSHOTS = join(STUDIO_ROOT, 'e2e', 'screenshots');

export interface Studio {
  /** the studio's address on the live server */
  readonly url: string;
  readonly server: LiveServer;
  readonly browser: TestBrowser;
  readonly page: Page;
  readonly close: () => Promise<void>;
}

/**
 * The studio as shipped: built once per content, served by a real server (PGlite in a temporary
 * folder) on a loopback port, opened in Debian's Chromium.
 */
export async function openStudio(options: LiveServerOptions = {}): Promise<Studio> {
  const studioDist = await buildUi(STUDIO_ROOT);
  const server = await startLiveServer({ ...options, uiRoots: { studio: studioDist } });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const page = await browser.newPage();
  return {
    url: `${server.url}/studio/`,
    server,
    browser,
    page,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await server.close();
      }
    },
  };
}

/** Signs in through the studio's own sign-in screen. */
export async function signIn(studio: Studio, username = studio.server.admin.username, password = studio.server.admin.password): Promise<void> {
  const { page } = studio;
  await page.goto(studio.url);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form.sign-in button[type="submit"]').click();
  await page.locator('.topbar .user').waitFor();
}

/** The studio opened, signed in as the admin and switched to English: where most suites start. */
export async function openSignedIn(options: LiveServerOptions = {}): Promise<Studio> {
  const studio = await openStudio(options);
  await signIn(studio);
  await studio.page.locator('.language select').selectOption('en');
  return studio;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await save(page, SCREENSHOTS, name);
}

/** Adds a field from the form builder's palette and names it: id, Chinese and English label; gives its property panel. */
export async function addField(page: Page, kind: string, key: string, zh: string, en: string): Promise<Locator> {
  await page.getByRole('button', { name: `Add field: ${kind}`, exact: true }).click();
  return nameField(page, key, zh, en);
}

/** Names the field whose property panel is open: id, Chinese and English label; gives the panel. */
export async function nameField(page: Page, key: string, zh: string, en: string): Promise<Locator> {
  const panel = page.locator('section.builder-properties');
  const id = panel.getByLabel('Field id');
  await id.fill(key);
  await id.blur();
  await panel.getByLabel('Label 中文').fill(zh);
  await panel.getByLabel('Label English').fill(en);
  return panel;
}

/** Fills one of the studio's "new …" panels (`panel`: its title's id) with an id and a name in both languages, and submits it. */
export async function createNamed(page: Page, panel: string, item: { idLabel: string; id: string; zh: string; en: string; submit: string }): Promise<void> {
  const form = page.locator(`form[aria-labelledby="${panel}"]`);
  await form.getByLabel(item.idLabel).fill(item.id);
  await form.getByLabel('Name (Chinese)').fill(item.zh);
  await form.getByLabel('Name (English)').fill(item.en);
  await form.getByRole('button', { name: item.submit }).click();
}
