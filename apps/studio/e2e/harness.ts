import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const STUDIO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const SCREENSHOTS = join(STUDIO_ROOT, 'e2e', 'screenshots');

/** Debian's Chromium; never a downloaded browser. CI installs the package. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Studio {
  readonly url: string;
  readonly page: Page;
  readonly close: () => Promise<void>;
}

/**
 * Builds the studio as shipped, serves it on a free loopback port and opens it in Chromium.
 * Fails at once, saying so, when Chromium is not installed.
 */
export async function openStudio(): Promise<Studio> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the studio's end-to-end tests need it (apt-get install chromium)`);
  }
  const outDir = await mkdtemp(join(tmpdir(), 'trellis-studio-'));
  const configFile = join(STUDIO_ROOT, 'vite.config.ts');
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('the preview server has no TCP address');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const url = `http://127.0.0.1:${address.port}/`;
    await mkdir(SCREENSHOTS, { recursive: true });
    const [openServer, openBrowser] = [server, browser];
    return {
      url,
      page,
      close: async () => {
        await openBrowser.close();
        await new Promise<void>((resolve) => openServer.httpServer.close(() => resolve()));
        await rm(outDir, { recursive: true, force: true });
        if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
      },
    };
  } catch (error) {
    await browser?.close();
    server?.httpServer.close();
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
