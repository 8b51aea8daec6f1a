import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../port.js';
import { testBackends } from '../testing/backends.js';
import { newApp, problemOf } from '../testing/fixtures.js';

describe.each(testBackends())('definitions on $kind', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.open();
  });
  afterAll(() => storage.close());

  it('edits a draft, publishes numbered immutable versions, and keeps old ones readable', async () => {
    const app = await newApp(storage);
    const key = { app, kind: 'entity', id: 'partner' };
    const v1Body = { kind: 'entity', id: 'partner', fields: { name: { type: 'string' } } };
    await storage.transaction((tx) => tx.definitions.saveDraft({ ...key, body: { draft: 1 }, actor: 'admin' }));
    const draft = await storage.transaction((tx) => tx.definitions.saveDraft({ ...key, body: v1Body, actor: 'admin' }));
    expect(draft).toMatchObject({ ...key, body: v1Body, basedOn: null, updatedBy: 'admin' });

    const v1 = await storage.transaction((tx) => tx.definitions.publish({ ...key, actor: 'admin', requestId: 'r1' }));
    expect(v1).toMatchObject({ ...key, version: 1, body: v1Body, created: true, publishedBy: 'admin' });
    expect(v1.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await storage.read.definitions.getDraft(key)).toBeNull();

    const v2Body = { ...v1Body, fields: { name: { type: 'string' }, tier: { type: 'string' } } };
    const draft2 = await storage.transaction((tx) => tx.definitions.saveDraft({ ...key, body: v2Body, actor: 'admin' }));
    expect(draft2.basedOn).toBe(1);
    const v2 = await storage.transaction((tx) => tx.definitions.publish({ ...key, actor: 'admin' }));
    expect(v2.version).toBe(2);

    expect((await storage.read.definitions.getVersion({ ...key, version: 1 }))?.body).toEqual(v1Body);
    expect((await storage.read.definitions.getPublished(key))?.body).toEqual(v2Body);
    expect((await storage.read.definitions.listVersions(key)).map((v) => v.version)).toEqual([1, 2]);
    expect(await storage.read.definitions.getVersion({ ...key, version: 3 })).toBeNull();

    // Versions cannot be rewritten, not even by a direct insert of the same number.
    const rewrite = storage.sql.query(
      `INSERT INTO definition_versions (app, kind, id, version, body, content_hash, published_at, published_by) VALUES ($1, 'entity', 'partner', 1, '{}', 'x', now(), 'x')`,
      [app],
    );
    await expect(rewrite).rejects.toThrow();

    const audit = await storage.read.audit.list({ app });
    expect(audit.items.filter((e) => e.action === 'definition.publish').map((e) => e.definitionId)).toEqual(['partner', 'partner']);
  });

  it('keeps a version read in a transaction only once that transaction commits', async () => {
    const app = await newApp(storage);
    const key = { app, kind: 'flow', id: 'review' };
    const lost = { kind: 'flow', id: 'review', lost: true };
    const rolledBack = storage.transaction(async (tx) => {
      await tx.definitions.publish({ ...key, body: lost, actor: 'admin' });
      expect((await tx.definitions.getVersion({ ...key, version: 1 }))?.body).toEqual(lost);
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    const kept = { kind: 'flow', id: 'review', kept: true };
    await storage.transaction((tx) => tx.definitions.publish({ ...key, body: kept, actor: 'admin' }));
    expect((await storage.transaction((tx) => tx.definitions.getVersion({ ...key, version: 1 })))?.body).toEqual(kept);
    // read again, from the cache: still the committed body
    expect((await storage.read.definitions.getVersion({ ...key, version: 1 }))?.body).toEqual(kept);
  });

  it('publishes a body directly, and an unchanged body makes no new version', async () => {
    const app = await newApp(storage);
    const key = { app, kind: 'rule', id: 'discount' };
    const body = { b: 2, a: 1 };
    const first = await storage.transaction((tx) => tx.definitions.publish({ ...key, body, actor: 'import' }));
    const same = await storage.transaction((tx) => tx.definitions.publish({ ...key, body: { a: 1, b: 2 }, actor: 'import' }));
    expect(same).toMatchObject({ version: 1, created: false, contentHash: first.contentHash });
    const changed = await storage.transaction((tx) => tx.definitions.publish({ ...key, body: { a: 2 }, actor: 'import' }));
    expect(changed).toMatchObject({ version: 2, created: true });
  });

  it('lists definitions with their latest version and draft state', async () => {
    const app = await newApp(storage);
    await storage.transaction(async (tx) => {
      await tx.definitions.publish({ app, kind: 'entity', id: 'b', body: { v: 1 }, actor: 'a' });
      await tx.definitions.publish({ app, kind: 'entity', id: 'b', body: { v: 2 }, actor: 'a' });
      await tx.definitions.saveDraft({ app, kind: 'entity', id: 'a', body: { v: 0 }, actor: 'a' });
      await tx.definitions.publish({ app, kind: 'rule', id: 'r', body: { r: 1 }, actor: 'a' });
      await tx.definitions.saveDraft({ app, kind: 'rule', id: 'r', body: { r: 2 }, actor: 'a' });
    });
    const all = await storage.read.definitions.listDefinitions(app);
    expect(all.map((d) => [d.kind, d.id, d.latestVersion, d.hasDraft])).toEqual([
      ['entity', 'a', null, true],
      ['entity', 'b', 2, false],
      ['rule', 'r', 1, true],
    ]);
    expect((await storage.read.definitions.listDefinitions(app, 'rule')).map((d) => d.id)).toEqual(['r']);
    const published = await storage.read.definitions.listPublished(app);
    expect(published.map((d) => [d.kind, d.id, d.version, d.body])).toEqual([
      ['entity', 'b', 2, { v: 2 }],
      ['rule', 'r', 1, { r: 1 }],
    ]);
  });

  it('changes the published fingerprint with every new version of any app, and not with drafts or no-op publishes', async () => {
    const app = await newApp(storage);
    const other = await newApp(storage);
    const fingerprint = () => storage.read.definitions.publishedFingerprint();
    const empty = await fingerprint();
    await storage.transaction((tx) => tx.definitions.publish({ app, kind: 'entity', id: 'e', body: { v: 1 }, actor: 'a' }));
    const first = await fingerprint();
    expect(first).not.toBe(empty);
    await storage.transaction(async (tx) => {
      await tx.definitions.saveDraft({ app, kind: 'entity', id: 'e', body: { v: 2 }, actor: 'a' });
      await tx.definitions.publish({ app, kind: 'entity', id: 'e', body: { v: 1 }, actor: 'a' });
    });
    expect(await fingerprint()).toBe(first);
    await storage.transaction((tx) => tx.definitions.publish({ app: other, kind: 'entity', id: 'e', body: { v: 9 }, actor: 'a' }));
    const second = await fingerprint();
    expect([empty, first]).not.toContain(second);
    await storage.transaction((tx) => tx.definitions.publish({ app, kind: 'entity', id: 'e', actor: 'a' }));
    expect([empty, first, second]).not.toContain(await fingerprint());
  });

  it('refuses to publish or discard what has no draft, and drafts for unknown apps', async () => {
    const app = await newApp(storage);
    const key = { app, kind: 'entity', id: 'none' };
    expect(await problemOf(storage.transaction((tx) => tx.definitions.publish({ ...key, actor: 'a' })))).toMatchObject({ code: 'STORAGE_NOT_FOUND', path: 'id' });
    expect(await problemOf(storage.transaction((tx) => tx.definitions.discardDraft({ ...key, actor: 'a' })))).toMatchObject({ code: 'STORAGE_NOT_FOUND' });
    expect(
      await problemOf(storage.transaction((tx) => tx.definitions.saveDraft({ app: 'nope', kind: 'entity', id: 'x', body: {}, actor: 'a' }))),
    ).toMatchObject({ code: 'STORAGE_NOT_FOUND', path: 'app' });
    await storage.transaction((tx) => tx.definitions.saveDraft({ ...key, body: { x: 1 }, actor: 'a' }));
    await storage.transaction((tx) => tx.definitions.discardDraft({ ...key, actor: 'a' }));
    expect(await storage.read.definitions.getDraft(key)).toBeNull();
  });
});
