import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../port.js';
import { testBackends } from '../testing/backends.js';
import { newApp, problemOf } from '../testing/fixtures.js';

describe.each(testBackends())('audit on $kind', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.open();
  });
  afterAll(() => storage.close());

  it('lists an entity newest first, page by page', async () => {
    const app = await newApp(storage);
    await storage.transaction(async (tx) => {
      for (let i = 0; i < 5; i++) await tx.records.create({ app, entity: 'e', definitionVersion: 1, data: { i }, actor: `u${i}` });
      await tx.records.create({ app, entity: 'other', definitionVersion: 1, data: {}, actor: 'x' });
    });
    const first = await storage.read.audit.list({ app, entity: 'e', limit: 3 });
    expect(first.items.map((e) => e.actor)).toEqual(['u4', 'u3', 'u2']);
    const second = await storage.read.audit.list({ app, entity: 'e', limit: 3, after: first.nextCursor });
    expect(second.items.map((e) => e.actor)).toEqual(['u1', 'u0']);
    expect(second.nextCursor).toBeNull();
    expect((first.items[0]?.at ?? '') > (first.items[2]?.at ?? '')).toBe(true);
  });

  it('orders by the sequence as a number, across its digit counts (9 → 10, 99 → 100)', async () => {
    const app = await newApp(storage);
    await storage.transaction(async (tx) => {
      for (let i = 0; i < 120; i++) await tx.audit.append({ action: 'test.event', actor: `a${i}`, app });
    });
    const all = await storage.read.audit.list({ app, limit: 500 });
    const actors = all.items.filter((e) => e.action === 'test.event').map((e) => e.actor);
    expect(actors).toEqual(Array.from({ length: 120 }, (_, i) => `a${119 - i}`));
  });

  it('appends events the repositories do not write themselves', async () => {
    const app = await newApp(storage);
    const entry = await storage.transaction((tx) =>
      tx.audit.append({ action: 'template.import', actor: 'admin', requestId: 'r9', app, after: { entities: 3 } }),
    );
    expect(entry).toMatchObject({ action: 'template.import', actor: 'admin', requestId: 'r9', app, entity: null, recordId: null, before: null, after: { entities: 3 } });
    expect((await storage.read.audit.list({ app })).items[0]?.id).toBe(entry.id);
  });

  it('needs a record or an app to list, and refuses damaged cursors', async () => {
    expect(await problemOf(storage.read.audit.list({}))).toMatchObject({ code: 'STORAGE_BAD_FILTER' });
    expect(await problemOf(storage.read.audit.list({ app: 'a', after: 'zzz' }))).toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'after' });
    expect((await storage.read.audit.list({ recordId: 'not-a-uuid' })).items).toEqual([]);
  });
});
