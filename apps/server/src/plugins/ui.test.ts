import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let dir: string;
let t: TestApp;

/** A built single-page app: an index.html and one hashed asset. */
async function fakeBuild(name: string): Promise<string> {
  const root = join(dir, name);
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), `<!doctype html><title>${name}</title>`);
  await writeFile(join(root, 'assets', 'main-abc123.js'), `console.log("${name}")`);
  return root;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trellis-ui-'));
  t = await createTestApp({ uiRoots: { studio: await fakeBuild('studio'), portal: await fakeBuild('portal'), missing: join(dir, 'nothing') } });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('built UIs', () => {
  it('sends / to the studio', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/studio/');
  });

  it('serves each UI under its name, assets cached for good and the page revalidated', async () => {
    const page = await get('/studio/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>studio</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await get('/portal/assets/main-abc123.js');
    expect(asset.body).toBe('console.log("portal")');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/studio')).headers.location).toBe('/studio/');
  });

  it("answers the app's own paths with its index.html", async () => {
    const deep = await get('/portal/records/42?tab=history');
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>portal</title>');
  });

  it('leaves /api and unknown roots to the problem handler', async () => {
    const api = await get('/api/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    const missing = await get('/missing/');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
