import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { LiveServerOptions } from '@trellis/server/testing/live-server';
import { openSignedIn, type Studio } from './harness.js';

/**
 * A signed-in studio for the tests of one file: opened before them (a cold build, server and
 * browser take a few minutes), closed after them. Read `studio` and `page` inside tests only.
 */
export function signedInStudioForFile(options: LiveServerOptions = {}): { readonly studio: Studio; readonly page: Page } {
  let opened: Studio | undefined;
  beforeAll(async () => {
    opened = await openSignedIn(options);
  }, 180_000);
  afterAll(async () => {
    await opened?.close();
  });
  const studio = (): Studio => {
    if (opened === undefined) throw new Error('the studio opens in beforeAll: read it inside a test');
    return opened;
  };
  return { get studio() { return studio(); }, get page() { return studio().page; } };
}

