import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.js';
import type { Storage } from './port.js';
import { testBackends } from './testing/backends.js';

describe.each(testBackends())('migrations on $kind', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.open();
  });
  afterAll(() => storage.close());

  it('records every migration once and applies nothing the second time', async () => {
    expect(await storage.migrate()).toEqual({ applied: [] });
    const rows = await storage.sql.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await storage.health()).toBe(true);
    expect(storage.kind).toBe(backend.kind);
  });

  it('applies everything once when two processes start together on an empty database', async () => {
    const fresh = await backend.fresh();
    try {
      const [a, b] = [await fresh.connect(), await fresh.connect()];
      expect(await a.health()).toBe(false);
      const results = await Promise.all([a.migrate(), b.migrate()]);
      expect(results.map((r) => r.applied).sort((x, y) => x.length - y.length)).toEqual([[], MIGRATIONS.map((m) => m.name)]);
      expect(await a.health()).toBe(true);
      expect(await b.health()).toBe(true);
    } finally {
      await fresh.dispose();
    }
  });
});
