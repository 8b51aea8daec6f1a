/**
 * Chromium for browser tests and benchmarks: Debian's /usr/bin/chromium through playwright-core,
 * never a downloaded browser. Errors thrown in a page fail the run when the browser closes.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface TestBrowser {
  readonly browser: Browser;
  /** a page in a fresh context (its own cookies), 1360×900 unless told, 10 s default timeout */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** closes the browser; throws when any page threw an uncaught error */
  close(): Promise<void>;
}

export async function launchChromium(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: browser tests need it (apt-get install chromium)`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const errors: string[] = [];
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, ...options });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => errors.push(error.message));
      return page;
    },
    async close() {
      await browser.close();
      if (errors.length > 0) throw new Error(`a page threw: ${errors.join('; ')}`);
    },
  };
}

/** Saves a full-page screenshot as DIR/NAME.png (the e2e/screenshots folders are git-ignored). */
export async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
