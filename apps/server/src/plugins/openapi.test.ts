import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Operation {
  tags?: string[];
  security?: unknown[];
  responses: Record<string, unknown>;
}

describe('OpenAPI', () => {
  it('/docs/json lists every route with tags, and protected ones with the session scheme', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op })));
    expect(operations.map((o) => o.id)).toEqual(expect.arrayContaining([
      'GET /healthz', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/me', 'POST /api/auth/password',
      'GET /api/users', 'POST /api/users', 'PATCH /api/users/{id}', 'GET /api/partner-orgs', 'POST /api/partner-orgs',
    ]));
    for (const { id, op } of operations) expect([id, op.tags?.length ?? 0]).not.toEqual([id, 0]);
    const byId = new Map(operations.map((o) => [o.id, o.op]));
    expect(byId.get('GET /api/auth/me')?.security).toEqual([{ session: [] }]);
    expect(byId.get('POST /api/auth/login')?.security).toBeUndefined();
    expect(byId.get('POST /api/users')?.responses).toHaveProperty('409');
    expect(doc.components.schemas).toHaveProperty('Problem');
    expect(doc.components.securitySchemes).toHaveProperty('session');
  });

  it('serves the Swagger UI at /docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
