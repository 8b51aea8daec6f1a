import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowTaskRow, Storage } from '../port.js';
import { testBackends } from '../testing/backends.js';
import { newApp, problemOf } from '../testing/fixtures.js';

const label = { en: 'Review', 'zh-CN': '审核' };

describe.each(testBackends())('flow instances, tasks, idempotency keys and inbox on $kind', (backend) => {
  let storage: Storage;
  let app: string;
  beforeAll(async () => {
    storage = await backend.open();
    app = await newApp(storage, 'flows');
  });
  afterAll(() => storage.close());

  const write = { status: 'running' as const, outcome: null, state: { seq: 1 }, createdRecords: {}, dueAt: null, endedAt: null };
  const newInstance = (extra: Partial<typeof write> & { recordId?: string | null } = {}) =>
    storage.transaction((tx) => tx.flowInstances.create({
      id: randomUUID(), app, flowId: 'review', flowVersion: 1, entity: 'thing', recordId: null, startedBy: 'u1', ...write, ...extra,
    }));
  const task = (instanceId: string, id: string, extra: Partial<FlowTaskRow> = {}): FlowTaskRow => ({
    id, instanceId, app, flowId: 'review', node: 'check', label, kind: 'approval', status: 'open', outcome: null, assignees: ['ana'],
    entity: 'thing', recordId: null, openedAt: '2026-01-01T00:00:00.000Z', closedAt: null, remindAt: null, dueAt: null, ...extra,
  });

  it('keeps the flow version and moves the revision by one per update; a stale revision changes nothing', async () => {
    const created = await newInstance();
    expect(created).toMatchObject({ flowVersion: 1, revision: 1, status: 'running', state: { seq: 1 } });
    const next = await storage.transaction(async (tx) => {
      const locked = await tx.flowInstances.lock(created.id);
      return tx.flowInstances.update({ id: created.id, expectedRevision: locked?.revision ?? 0, ...write, state: { seq: 2 }, createdRecords: { r1: 'x' } });
    });
    expect(next).toMatchObject({ revision: 2, flowVersion: 1, state: { seq: 2 }, createdRecords: { r1: 'x' } });
    const stale = await problemOf(storage.transaction((tx) => tx.flowInstances.update({ id: created.id, expectedRevision: 1, ...write, state: { seq: 9 } })));
    expect(stale).toMatchObject({ code: 'STORAGE_CONFLICT', path: 'revision' });
    expect((await storage.read.flowInstances.get(created.id))?.state).toEqual({ seq: 2 });
    const migrated = await storage.transaction((tx) => tx.flowInstances.update({ id: created.id, expectedRevision: 2, ...write, flowVersion: 3 }));
    expect(migrated.flowVersion).toBe(3);
    expect(await storage.read.flowInstances.get('not-a-uuid')).toBeNull();
  });

  it('lists instances by flow, status, overdue and record, newest first, in pages', async () => {
    const other = await newApp(storage, 'flows');
    const make = (extra: object) => storage.transaction((tx) => tx.flowInstances.create({
      id: randomUUID(), app: other, flowId: 'review', flowVersion: 1, entity: 'thing', recordId: null, startedBy: 'u1', ...write, ...extra,
    }));
    const a = await make({ dueAt: '2026-01-02T00:00:00.000Z' });
    const b = await make({ status: 'completed', outcome: 'approved' });
    const c = await make({ flowId: 'other' });
    const all = await storage.read.flowInstances.list({ app: other, limit: 2 });
    expect(all.items).toHaveLength(2);
    const rest = await storage.read.flowInstances.list({ app: other, limit: 2, after: all.nextCursor });
    expect([...all.items, ...rest.items].map((i) => i.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(rest.nextCursor).toBeNull();
    expect((await storage.read.flowInstances.list({ app: other, flowId: 'review', status: 'running' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await storage.read.flowInstances.list({ app: other, overdueAt: '2026-01-03T00:00:00.000Z' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await storage.read.flowInstances.list({ app: other, overdueAt: '2026-01-01T00:00:00.000Z' })).items).toEqual([]);
    expect(await problemOf(storage.read.flowInstances.list({ app: other, after: 'garbage' }))).toMatchObject({ code: 'STORAGE_BAD_FILTER', path: 'after' });
  });

  it('finds the running instances of a record', async () => {
    const record = await storage.transaction((tx) => tx.records.create({ app, entity: 'thing', definitionVersion: 1, data: {}, actor: 'u1' }));
    const running = await newInstance({ recordId: record.id });
    await newInstance({ recordId: record.id, status: 'completed' } as never);
    expect(await storage.read.flowInstances.get(running.id)).toMatchObject({ recordId: record.id });
    expect(await storage.transaction((tx) => tx.flowInstances.runningForRecord(record.id))).toEqual([running.id]);
  });

  it('keeps task rows by id and lists a person\'s open tasks, oldest first', async () => {
    const instance = await newInstance();
    const t1 = `${instance.id}.t1`;
    const t2 = `${instance.id}.t2`;
    await storage.transaction((tx) => tx.flowTasks.upsert([
      task(instance.id, t1, { dueAt: '2026-01-02T00:00:00.000Z' }),
      task(instance.id, t2, { assignees: ['ana', 'bo'], openedAt: '2026-01-01T01:00:00.000Z' }),
    ]));
    const mine = await storage.read.flowTasks.list({ assignee: 'ana', instanceId: instance.id, status: 'open' });
    expect(mine.items.map((t) => t.id)).toEqual([t1, t2]);
    expect((await storage.read.flowTasks.list({ assignee: 'bo', instanceId: instance.id })).items.map((t) => t.id)).toEqual([t2]);
    expect((await storage.read.flowTasks.list({ instanceId: instance.id, overdueAt: '2026-01-03T00:00:00.000Z' })).items.map((t) => t.id)).toEqual([t1]);
    await storage.transaction((tx) => tx.flowTasks.upsert([task(instance.id, t1, { status: 'closed', outcome: 'approved', closedAt: '2026-01-01T05:00:00.000Z' })]));
    expect(await storage.read.flowTasks.get(t1)).toMatchObject({ status: 'closed', outcome: 'approved', closedAt: '2026-01-01T05:00:00.000Z', label });
    expect((await storage.read.flowTasks.list({ assignee: 'ana', instanceId: instance.id, status: 'open' })).items.map((t) => t.id)).toEqual([t2]);
    const first = await storage.read.flowTasks.list({ instanceId: instance.id, limit: 1 });
    expect((await storage.read.flowTasks.list({ instanceId: instance.id, limit: 1, after: first.nextCursor })).items.map((t) => t.id)).toEqual([t2]);
  });

  it('stores one result per actor and idempotency key', async () => {
    const key = { actor: 'ana', key: 'k1', requestHash: 'h1', status: 200, response: { ok: true } };
    await storage.transaction((tx) => tx.idempotency.put(key));
    expect(await storage.read.idempotency.get('ana', 'k1')).toMatchObject({ requestHash: 'h1', response: { ok: true } });
    expect(await storage.read.idempotency.get('bo', 'k1')).toBeNull();
    expect(await problemOf(storage.transaction((tx) => tx.idempotency.put({ ...key, requestHash: 'h2' })))).toMatchObject({ code: 'STORAGE_DUPLICATE', path: 'key' });
    await storage.transaction((tx) => tx.idempotency.put({ ...key, actor: 'bo' }));
    expect(await storage.read.idempotency.get('bo', 'k1')).toMatchObject({ requestHash: 'h1' });
  });

  it('adds one inbox message per delivery and recipient, newest first, and marks them read', async () => {
    const instance = await newInstance();
    const message = {
      deliveryId: `${instance.id}.d1`, recipient: 'ana', app, instanceId: instance.id, taskId: null, reason: 'reminder', subject: null, message: label,
    };
    expect(await storage.transaction((tx) => tx.inbox.add([message, { ...message, recipient: 'bo' }]))).toBe(2);
    expect(await storage.transaction((tx) => tx.inbox.add([message]))).toBe(0);
    const [stored] = (await storage.read.inbox.list({ recipient: 'ana', unread: true })).items;
    expect(stored).toMatchObject({ reason: 'reminder', message: label, readAt: null });
    expect(await problemOf(storage.transaction((tx) => tx.inbox.markRead(stored?.id ?? '', 'bo')))).toMatchObject({ code: 'STORAGE_NOT_FOUND' });
    const read = await storage.transaction((tx) => tx.inbox.markRead(stored?.id ?? '', 'ana'));
    expect(read.readAt).not.toBeNull();
    expect((await storage.read.inbox.list({ recipient: 'ana', unread: true })).items).toEqual([]);
  });

  it('gives users a manager', async () => {
    const boss = await storage.transaction((tx) => tx.users.create({ username: `boss_${app}`, displayName: 'Boss', passwordHash: 'x', roles: [] }));
    const user = await storage.transaction((tx) => tx.users.create({ username: `u_${app}`, displayName: 'U', passwordHash: 'x', roles: [], manager: boss.id }));
    expect(user.manager).toBe(boss.id);
    expect((await storage.transaction((tx) => tx.users.update(user.id, { manager: null }))).manager).toBeNull();
    const missing = await problemOf(storage.transaction((tx) => tx.users.update(user.id, { manager: randomUUID() })));
    expect(missing).toMatchObject({ code: 'STORAGE_NOT_FOUND', path: 'manager' });
  });
});
