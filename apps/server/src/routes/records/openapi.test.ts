import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t.close());

describe('OpenAPI document', () => {
  it('lists the data routes with their tags', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const tagged = (path: string, method: string) => doc.paths[path]?.[method]?.tags;
    expect(tagged('/api/apps/{app}/records/{entity}', 'post')).toEqual(['records']);
    expect(tagged('/api/apps/{app}/records/{entity}/export', 'get')).toEqual(['records']);
    expect(tagged('/api/apps/{app}/records/{entity}/import', 'post')).toEqual(['records']);
    expect(tagged('/api/apps/{app}/definitions/{kind}/{id}/publish', 'post')).toEqual(['definitions']);
    expect(tagged('/api/templates/import', 'post')).toEqual(['templates']);
    expect(tagged('/api/attachments', 'post')).toEqual(['attachments']);
  });
});
