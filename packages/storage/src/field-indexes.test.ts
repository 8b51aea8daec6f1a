import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordListQuery, Storage } from './port.js';
import { listStatement } from './query/list.js';
import { testBackends } from './testing/backends.js';
import { newApp, problemOf } from './testing/fixtures.js';

const ROWS = 12_000;

describe.each(testBackends())('field indexes on $kind', (backend) => {
  let storage: Storage;
  let app: string;

  beforeAll(async () => {
    storage = await backend.open();
    app = await newApp(storage);
    await storage.sql.query(
      `INSERT INTO records (id, app, entity, definition_version, created_by, created_at, updated_by, updated_at, revision, data)
       SELECT gen_random_uuid(), $1, 'deal', 1, 'u', $2::timestamptz, 'u', $2::timestamptz, 1,
              jsonb_build_object('status', 's' || (i % 100), 'amount', i, 'region', CASE WHEN i % 2 = 0 THEN 'east' ELSE 'west' END)
       FROM generate_series(1, ${ROWS}) AS i`,
      [app, '2025-01-01T00:00:00Z'],
    );
    await storage.sql.exec('ANALYZE records');
  });
  afterAll(() => storage.close());

  async function plan(query: RecordListQuery): Promise<string> {
    const statement = listStatement(query);
    const rows = await storage.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.text}`, statement.params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  it('creates text and numeric expression indexes that filtered and sorted lists use', async () => {
    const byStatus: RecordListQuery = { app, entity: 'deal', filter: { '==': [{ var: 'status' }, 's42'] } };
    const byAmount: RecordListQuery = {
      app,
      entity: 'deal',
      filter: { '>=': [{ var: 'amount' }, 11_990] },
      sort: [{ field: 'amount', type: 'number', direction: 'desc' }],
      limit: 5,
    };
    const names = await storage.ensureFieldIndexes(app, 'deal', [
      { path: 'status', type: 'string' },
      { path: 'amount', type: 'number' },
    ]);
    expect(names).toHaveLength(2);
    expect(await storage.ensureFieldIndexes(app, 'deal', [{ path: 'status', type: 'string' }])).toEqual([names[0]]);
    await storage.sql.exec('ANALYZE records');

    const statusPlan = await plan(byStatus);
    expect(statusPlan).toContain(names[0]);
    expect(statusPlan).not.toMatch(/Seq Scan/);
    const amountPlan = await plan(byAmount);
    expect(amountPlan).toContain(names[1]);
    expect(amountPlan).not.toMatch(/Seq Scan/);

    expect(await storage.read.records.count(byStatus)).toBe(ROWS / 100);
    const top = await storage.read.records.list(byAmount);
    expect(top.items.map((r) => r.data.amount)).toEqual([12_000, 11_999, 11_998, 11_997, 11_996]);
  });

  it('gives the planner statistics of the indexed fields, so a sorted page of a broad filter reads the sort index', async () => {
    const [, amount] = await storage.ensureFieldIndexes(app, 'deal', [
      { path: 'region', type: 'string' },
      { path: 'amount', type: 'number' },
    ]);
    // half the rows match: read in amount order until the page is full, not all of them sorted
    const query: RecordListQuery = {
      app, entity: 'deal', filter: { '==': [{ var: 'region' }, 'east'] }, sort: [{ field: 'amount', type: 'number', direction: 'desc' }], limit: 5,
    };
    const sortedPlan = await plan(query);
    expect(sortedPlan).toContain(`Index Scan Backward using ${amount}`);
    expect(sortedPlan).not.toMatch(/Bitmap|Seq Scan/);
    const first = await storage.read.records.list(query);
    expect(first.items.map((r) => r.data.amount)).toEqual([12_000, 11_998, 11_996, 11_994, 11_992]);
    const next = await storage.read.records.list({ ...query, after: first.nextCursor });
    expect(next.items.map((r) => r.data.amount)).toEqual([11_990, 11_988, 11_986, 11_984, 11_982]);
    expect(await plan({ ...query, after: first.nextCursor })).toContain(`Index Scan Backward using ${amount}`);
  });

  it('orders its index entries by the id too, so a page sorted on a field with few values is read in order, not sorted', async () => {
    const [region] = await storage.ensureFieldIndexes(app, 'deal', [{ path: 'region', type: 'string' }]);
    // 6,000 rows share each region: without the id in the index, all of them are sorted by id
    const query: RecordListQuery = { app, entity: 'deal', sort: [{ field: 'region', type: 'string', direction: 'desc' }], limit: 5 };
    const sortedPlan = await plan(query);
    expect(sortedPlan).toContain(`Index Scan Backward using ${region}`);
    expect(sortedPlan).not.toMatch(/Sort/);
    const all = await storage.sql.query<{ id: string }>(
      `SELECT id FROM records WHERE app = $1 AND entity = 'deal' AND data->>'region' = 'west' ORDER BY id DESC LIMIT 10`, [app],
    );
    const first = await storage.read.records.list(query);
    const next = await storage.read.records.list({ ...query, after: first.nextCursor });
    expect([...first.items, ...next.items].map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(await plan({ ...query, after: first.nextCursor })).toContain(`Index Scan Backward using ${region}`);
  });

  it('drops the indexes of the field alone that a database from before has', async () => {
    const former = `records_e_text_${createHash('sha256').update([app, 'deal', 'kind', 'text'].join('\u0000')).digest('hex').slice(0, 16)}`;
    await storage.sql.exec(`CREATE INDEX ${former} ON records ((data #>> '{kind}'::text[])) WHERE app = '${app}' AND entity = 'deal'`);
    const [index] = await storage.ensureFieldIndexes(app, 'deal', [{ path: 'kind', type: 'string' }]);
    const names = (await storage.sql.query<{ indexname: string }>(
      'SELECT indexname FROM pg_indexes WHERE indexname = ANY($1::text[])', [[former, index]],
    )).map((r) => r.indexname);
    expect(names).toEqual([index]);
  });

  it('indexes a number field by its numeric value only, dropping the text index it used to have', async () => {
    const [text] = await storage.ensureFieldIndexes(app, 'deal', [{ path: 'amount', type: 'string' }]);
    const [numeric] = await storage.ensureFieldIndexes(app, 'deal', [{ path: 'amount', type: 'number' }]);
    const names = (await storage.sql.query<{ indexname: string }>(
      'SELECT indexname FROM pg_indexes WHERE indexname = ANY($1::text[])', [[text, numeric]],
    )).map((r) => r.indexname);
    expect(names).toEqual([numeric]);
    // a string compared with the number field still finds it, without an index
    expect(await storage.read.records.count({ app, entity: 'deal', filter: { '==': [{ var: 'amount' }, '42'] } })).toBe(1);
  });

  it('indexes one app\'s entity only, so writes of other entities maintain none of them', async () => {
    const [name] = await storage.ensureFieldIndexes(app, "o'brien", [{ path: 'status', type: 'string' }]);
    const rows = await storage.sql.query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE indexname = $1', [name]);
    expect(rows[0]?.indexdef).toMatch(/WHERE \(\(app = '[^']+'::text\) AND \(entity = 'o''brien'::text\)\)$/);
    expect(await storage.ensureFieldIndexes(app, 'deal', [{ path: 'status', type: 'string' }])).not.toContain(name);
  });

  it('refuses field paths that are not plain identifiers', async () => {
    const problem = await problemOf(storage.ensureFieldIndexes(app, 'deal', [{ path: "x'); drop table records; --", type: 'string' }]));
    expect(problem).toMatchObject({ code: 'STORAGE_BAD_INDEX_FIELD', path: 'fields.0.path' });
    expect(await storage.read.records.count({ app, entity: 'deal' })).toBe(ROWS);
  });
});
