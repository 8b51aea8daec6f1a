import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStorage } from './create.js';
import { analyzeStaleTables, keepStatisticsCurrent } from './pglite-analyze.js';
import type { Storage } from './port.js';
import { newApp } from './testing/fixtures.js';

describe('statistics upkeep on PGlite (no autovacuum)', () => {
  let storage: Storage;
  let app: string;

  beforeAll(async () => {
    storage = await createStorage({ dataDir: 'memory://' });
    await storage.migrate();
    app = await newApp(storage);
  });
  afterAll(() => storage.close());

  const addRows = (count: number) => storage.sql.query(
    `INSERT INTO records (id, app, entity, definition_version, created_by, created_at, updated_by, updated_at, revision, data)
     SELECT gen_random_uuid(), $1, 'deal', 1, 'u', now(), 'u', now(), 1, jsonb_build_object('n', i) FROM generate_series(1, $2::int) AS i`,
    [app, count],
  );
  const recordStatistics = async () =>
    (await storage.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'records'`))[0]?.n ?? 0;

  it('analyses a table once enough of it changed, and not again until more does', async () => {
    await analyzeStaleTables(storage.sql);
    await addRows(1000);
    expect(await analyzeStaleTables(storage.sql)).toContain('public.records');
    expect(await recordStatistics()).toBeGreaterThan(0);
    expect(await analyzeStaleTables(storage.sql)).not.toContain('public.records');
    // 10% of 1,000 rows plus 50: 120 more rows are not enough, 40 after them are
    await addRows(120);
    expect(await analyzeStaleTables(storage.sql)).not.toContain('public.records');
    await addRows(40);
    expect(await analyzeStaleTables(storage.sql)).toContain('public.records');
  });

  it('checks in the background until stopped', async () => {
    await storage.sql.exec('CREATE TABLE upkeep_probe (n int)');
    await storage.sql.exec('INSERT INTO upkeep_probe SELECT generate_series(1, 500)');
    const upkeep = keepStatisticsCurrent(storage.sql, 20);
    try {
      await vi.waitFor(async () => {
        const rows = await storage.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stats WHERE tablename = 'upkeep_probe'`);
        expect(rows[0]?.n).toBe(1);
      }, { timeout: 10_000, interval: 20 });
    } finally {
      await upkeep.stop();
    }
  });
});
