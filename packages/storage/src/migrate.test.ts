import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from './migrate.js';
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

  it('0007 relabels programs saved in the version 2 shape while labelled 1, and only those', async () => {
    const fresh = await backend.fresh();
    try {
      const db = await fresh.connect();
      const before = MIGRATIONS.findIndex((m) => m.name === '0007_program_format_2');
      await runMigrations(db.sql, MIGRATIONS.slice(0, before), new Date());
      const at = '2026-01-01T00:00:00Z';
      await db.sql.query(`INSERT INTO apps (id, label, created_at, created_by, updated_at, updated_by) VALUES ('a', '{}', $1, 't', $1, 't')`, [at]);
      const bodies = { shaped: { formatVersion: 1, lines: [] }, old: { formatVersion: 1, formula: {} } };
      for (const [id, body] of Object.entries(bodies)) {
        await db.sql.query(
          `INSERT INTO definition_versions (app, kind, id, version, body, content_hash, published_at, published_by) VALUES ('a', 'program', $1, 1, $2::jsonb, 'h', $3, 't')`,
          [id, JSON.stringify(body), at],
        );
        await db.sql.query(`INSERT INTO definition_drafts (app, kind, id, body, updated_at, updated_by) VALUES ('a', 'program', $1, $2::jsonb, $3, 't')`, [id, JSON.stringify(body), at]);
      }
      expect((await db.migrate()).applied).toContain('0007_program_format_2');
      for (const table of ['definition_versions', 'definition_drafts']) {
        const rows = await db.sql.query<{ id: string; v: string }>(`SELECT id, body->>'formatVersion' AS v FROM ${table} ORDER BY id`);
        expect(rows.map((r) => [r.id, r.v])).toEqual([['old', '1'], ['shaped', '2']]);
      }
    } finally {
      await fresh.dispose();
    }
  });
});
