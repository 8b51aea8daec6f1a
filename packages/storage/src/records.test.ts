import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from './port.js';
import { testBackends } from './testing/backends.js';
import { newApp, problemOf } from './testing/fixtures.js';

describe.each(testBackends())('records on $kind', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.open();
  });
  afterAll(() => storage.close());

  const create = (app: string, data: Record<string, string | number>) =>
    storage.transaction((tx) =>
      tx.records.create({ app, entity: 'thing', definitionVersion: 1, owner: 'u1', partnerOrg: 'org1', data, actor: 'u1', requestId: 'req-1' }),
    );

  it('creates, reads, updates and deletes with server-owned metadata', async () => {
    const app = await newApp(storage);
    const created = await create(app, { name: 'Acme' });
    expect(created).toMatchObject({ app, entity: 'thing', definitionVersion: 1, owner: 'u1', partnerOrg: 'org1', revision: 1, createdBy: 'u1', updatedBy: 'u1', data: { name: 'Acme' } });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(await storage.read.records.get(created.id)).toEqual(created);

    const updated = await storage.transaction((tx) =>
      tx.records.update({ id: created.id, expectedRevision: 1, data: { name: 'Acme Ltd' }, actor: 'u2' }),
    );
    expect(updated).toMatchObject({ revision: 2, updatedBy: 'u2', createdBy: 'u1', owner: 'u1', data: { name: 'Acme Ltd' } });
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    await storage.transaction((tx) => tx.records.delete({ id: created.id, expectedRevision: 2, actor: 'u2' }));
    expect(await storage.read.records.get(created.id)).toBeNull();

    const audit = await storage.read.audit.list({ recordId: created.id });
    expect(audit.items.map((e) => e.action)).toEqual(['record.delete', 'record.update', 'record.create']);
    expect(audit.items[2]).toMatchObject({ actor: 'u1', app, entity: 'thing', requestId: 'req-1', before: null });
    expect(audit.items[1]?.before).toMatchObject({ revision: 1, data: { name: 'Acme' } });
    expect(audit.items[1]?.after).toMatchObject({ revision: 2, data: { name: 'Acme Ltd' } });
    expect(audit.items[0]).toMatchObject({ actor: 'u2', after: null });
  });

  it('refuses a stale update with STORAGE_CONFLICT and changes nothing', async () => {
    const app = await newApp(storage);
    const record = await create(app, { name: 'v1' });
    await storage.transaction((tx) => tx.records.update({ id: record.id, expectedRevision: 1, data: { name: 'v2' }, actor: 'a' }));
    const stale = await problemOf(
      storage.transaction((tx) => tx.records.update({ id: record.id, expectedRevision: 1, data: { name: 'lost' }, actor: 'b' })),
    );
    expect(stale).toMatchObject({ code: 'STORAGE_CONFLICT', path: 'revision', details: { expected: 1, actual: 2 } });
    expect(stale.message['zh-CN']).toContain('修改');
    const staleDelete = await problemOf(storage.transaction((tx) => tx.records.delete({ id: record.id, expectedRevision: 1, actor: 'b' })));
    expect(staleDelete.code).toBe('STORAGE_CONFLICT');
    const now = await storage.read.records.get(record.id);
    expect(now).toMatchObject({ revision: 2, data: { name: 'v2' }, updatedBy: 'a' });
    expect((await storage.read.audit.list({ recordId: record.id })).items).toHaveLength(2);
  });

  it('reports unknown records and apps as STORAGE_NOT_FOUND', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await storage.read.records.get(missing)).toBeNull();
    expect(await storage.read.records.get('not-a-uuid')).toBeNull();
    expect(await problemOf(storage.transaction((tx) => tx.records.update({ id: missing, expectedRevision: 1, data: {}, actor: 'a' })))).toMatchObject({
      code: 'STORAGE_NOT_FOUND',
      path: 'id',
    });
    expect(await problemOf(create('no_such_app', { x: 1 }))).toMatchObject({ code: 'STORAGE_NOT_FOUND', path: 'app' });
  });

  it('writes record and audit in one transaction: a failure after the write leaves neither', async () => {
    const app = await newApp(storage);
    let id = '';
    await expect(
      storage.transaction(async (tx) => {
        id = (await tx.records.create({ app, entity: 'thing', definitionVersion: 1, data: { n: 1 }, actor: 'u' })).id;
        throw new Error('boom after the write');
      }),
    ).rejects.toThrow('boom after the write');
    expect(id).not.toBe('');
    expect(await storage.read.records.get(id)).toBeNull();
    expect((await storage.read.audit.list({ recordId: id })).items).toEqual([]);
    expect(await storage.read.records.count({ app, entity: 'thing' })).toBe(0);
  });

  it('creates a record outside a transaction with its audit entry in the same statement', async () => {
    const app = await newApp(storage);
    const input = { app, entity: 'thing', definitionVersion: 1, owner: 'u1', partnerOrg: 'org1', data: { name: 'Solo' }, actor: 'u1', requestId: 'req-2' };
    const created = await storage.createRecord(input);
    expect(await storage.read.records.get(created.id)).toEqual(created);
    const [entry] = (await storage.read.audit.list({ recordId: created.id })).items;
    expect(entry).toMatchObject({ action: 'record.create', actor: 'u1', app, entity: 'thing', requestId: 'req-2', before: null, after: created });

    const id = '00000000-0000-4000-8000-0000000000aa';
    expect((await problemOf(storage.createRecord({ ...input, id, app: 'no_such_app' }))).code).toBe('STORAGE_NOT_FOUND');
    expect((await problemOf(storage.createRecord({ ...input, id: created.id }))).code).toBe('STORAGE_DUPLICATE');
    expect(await storage.read.records.get(id)).toBeNull();
    expect((await storage.read.audit.list({ recordId: id })).items).toEqual([]);
    expect((await storage.read.audit.list({ recordId: created.id })).items).toHaveLength(1);
  });

  it('keeps the definition version a record was made with and lets an update move it', async () => {
    const app = await newApp(storage);
    const record = await create(app, { n: 1 });
    const moved = await storage.transaction((tx) =>
      tx.records.update({ id: record.id, expectedRevision: 1, data: { n: 2 }, definitionVersion: 3, partnerOrg: null, actor: 'a' }),
    );
    expect(moved).toMatchObject({ definitionVersion: 3, partnerOrg: null, owner: 'u1' });
  });

  it('answers get() with a scope only for records inside it', async () => {
    const app = await newApp(storage);
    const mine = await create(app, { n: 1 });
    const where = { app, entity: 'thing', scope: { '==': [{ var: '$partnerOrg' }, { var: '$user.partnerOrg' }] }, vars: { $user: { partnerOrg: 'org1' } } };
    expect((await storage.read.records.get(mine.id, where))?.id).toBe(mine.id);
    expect(await storage.read.records.get(mine.id, { ...where, vars: { $user: { partnerOrg: 'org2' } } })).toBeNull();
    expect(await storage.read.records.get(mine.id, { ...where, entity: 'other' })).toBeNull();
  });

  it('keeps a given id on create and refuses it twice', async () => {
    const app = await newApp(storage);
    const id = '11111111-2222-4333-8444-555555555555';
    const first = await storage.transaction((tx) => tx.records.create({ id, app, entity: 'thing', definitionVersion: 1, data: {}, actor: 'a' }));
    expect(first.id).toBe(id);
    const again = await problemOf(storage.transaction((tx) => tx.records.create({ id, app, entity: 'thing', definitionVersion: 1, data: {}, actor: 'a' })));
    expect(again).toMatchObject({ code: 'STORAGE_DUPLICATE', path: 'id' });
    expect(await problemOf(storage.transaction((tx) => tx.records.create({ id: 'x', app, entity: 'thing', definitionVersion: 1, data: {}, actor: 'a' })))).toMatchObject({
      code: 'STORAGE_BAD_ID',
    });
  });
});
