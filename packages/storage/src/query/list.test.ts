import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordListQuery, SortKey, Storage, StoredRecord } from '../port.js';
import { testBackends } from '../testing/backends.js';
import { newApp, problemOf } from '../testing/fixtures.js';

/** 23 rows with many ties and some missing values, so every page boundary lands inside a tie. */
const rows = Array.from({ length: 23 }, (_, i) => ({
  group: ['a', 'b', 'c'][i % 3] as string,
  score: i % 4 === 3 ? null : i % 5,
  ...(i % 7 === 0 ? {} : { rank: i % 2 }),
  seq: i,
}));

describe.each(testBackends())('record lists on $kind', (backend) => {
  let storage: Storage;
  let app: string;

  beforeAll(async () => {
    storage = await backend.open();
    app = await newApp(storage);
    await storage.transaction(async (tx) => {
      for (const data of rows) await tx.records.create({ app, entity: 'row', definitionVersion: 1, data, actor: 'u' });
    });
  });
  afterAll(() => storage.close());

  async function allPages(query: Omit<RecordListQuery, 'app' | 'entity'>, limit: number): Promise<StoredRecord[][]> {
    const pages: StoredRecord[][] = [];
    let after: string | null = null;
    do {
      const page = await storage.read.records.list({ app, entity: 'row', ...query, limit, after });
      pages.push(page.items);
      after = page.nextCursor;
    } while (after !== null && pages.length < 100);
    return pages;
  }

  const sorts: SortKey[][] = [
    [],
    [{ field: 'group' }],
    [{ field: 'group', direction: 'desc' }, { field: 'seq', type: 'number' }],
    [{ field: 'score', type: 'number' }],
    [{ field: 'score', type: 'number', direction: 'desc' }, { field: 'group', type: 'string' }],
    [{ field: 'rank' }, { field: '$createdAt', direction: 'desc' }],
    [{ field: 'rank', direction: 'desc' }],
    [{ field: '$owner' }],
  ];

  it.each(sorts.map((s) => [JSON.stringify(s), s] as const))('pages through %s without skipping or repeating', async (_name, sort) => {
    const whole = (await storage.read.records.list({ app, entity: 'row', sort, limit: 500 })).items.map((r) => r.id);
    expect(whole).toHaveLength(rows.length);
    for (const limit of [1, 4, 5]) {
      const pages = await allPages({ sort }, limit);
      expect(pages.flat().map((r) => r.id)).toEqual(whole);
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    }
  });

  it('orders numbers numerically, ties by id, missing values last ascending and first descending', async () => {
    const asc = (await storage.read.records.list({ app, entity: 'row', sort: [{ field: 'score', type: 'number' }], limit: 500 })).items;
    const scores = asc.map((r) => r.data.score ?? null);
    const numbers = scores.filter((s): s is number => typeof s === 'number');
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(scores.slice(numbers.length).every((s) => s === null)).toBe(true);
    const ids = asc.filter((r) => r.data.score === 0).map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    const desc = (await storage.read.records.list({ app, entity: 'row', sort: [{ field: 'rank', direction: 'desc' }], limit: 500 })).items;
    expect(desc[0]?.data.rank).toBeUndefined();
    expect(desc.at(-1)?.data.rank).toBe(0);
  });

  it('pages a filtered list with the filter applied on every page', async () => {
    const filter = { '==': [{ var: 'group' }, 'b'] };
    const pages = await allPages({ filter, sort: [{ field: 'seq', type: 'number' }] }, 3);
    expect(pages.flat().map((r) => r.data.seq)).toEqual([1, 4, 7, 10, 13, 16, 19, 22]);
  });

  it('refuses a damaged cursor or one from another sort', async () => {
    const first = await storage.read.records.list({ app, entity: 'row', sort: [{ field: 'group' }], limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const other = await problemOf(storage.read.records.list({ app, entity: 'row', sort: [{ field: 'seq' }], after: first.nextCursor }));
    expect(other).toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'after' });
    const damaged = await problemOf(storage.read.records.list({ app, entity: 'row', after: 'not-a-cursor' }));
    expect(damaged).toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'after' });
    const forged = Buffer.from(JSON.stringify(['[["$updatedAt","desc",null]]', ["'; drop table records; --", 'x']])).toString('base64url');
    expect((await problemOf(storage.read.records.list({ app, entity: 'row', after: forged })))).toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'after' });
  });

  it('with the declared fields, refuses a filter, sort or column naming another, at its position', async () => {
    const fields = new Set(['group', 'score', 'rank', 'seq', 'tags']);
    const list = (query: Omit<RecordListQuery, 'app' | 'entity' | 'fields'>) => storage.read.records.list({ app, entity: 'row', fields, ...query });
    expect(await problemOf(list({ filter: { and: [{ '==': [{ var: 'group' }, 'b'] }, { '>': [{ var: 'nope' }, 1] }] } })))
      .toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'filter.and.1.>.0.var', message: { en: 'Invalid query at "filter.and.1.>.0.var": unknown field "nope"' } });
    expect(await problemOf(list({ filter: { missing: ['seq', 'nope'] } }))).toMatchObject({ code: 'STORAGE_BAD_FILTER', message: { en: expect.stringContaining('"nope"') } });
    expect(await problemOf(list({ sort: [{ field: 'seq' }, { field: 'nope', direction: 'desc' }] }))).toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'sort.1.field' });
    expect(await problemOf(list({ columns: ['group', 'nope'] }))).toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'columns.1' });

    // declared fields, metadata, inside an array element of a declared field: answered as before
    const page = await list({ filter: { and: [{ '==': [{ var: 'group' }, 'b'] }, { '!=': [{ var: 'tags.0.name' }, 'x'] }] }, sort: [{ field: '$createdAt' }, { field: 'seq' }], columns: ['seq'], limit: 500 });
    expect(page.items.map((r) => r.data.seq)).toEqual([1, 4, 7, 10, 13, 16, 19, 22]);
    // the scope is a published definition, not the caller's: it is not held to the fields
    const scoped = await list({ scope: { '!': { var: 'undeclared' } }, limit: 500 });
    expect(scoped.items).toHaveLength(rows.length);
  });
});
