import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../port.js';
import { testBackends } from '../testing/backends.js';
import { newApp, problemOf } from '../testing/fixtures.js';

describe.each(testBackends())('apps, users, sessions, partner organisations and attachments on $kind', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.open();
  });
  afterAll(() => storage.close());

  const user = (username: string, extra: object = {}) =>
    storage.transaction((tx) => tx.users.create({ username, displayName: username, passwordHash: 'scrypt$x', roles: ['admin'], ...extra }));

  it('creates apps once and audits their changes', async () => {
    const app = await newApp(storage);
    expect(await problemOf(storage.transaction((tx) => tx.apps.create({ id: app, label: { en: 'x', 'zh-CN': 'x' }, actor: 'a' })))).toMatchObject({
      code: 'STORAGE_DUPLICATE',
      path: 'id',
    });
    const updated = await storage.transaction((tx) => tx.apps.update({ id: app, templateVersion: '1.2.0', templateHash: 'sha256:ab', actor: 'a' }));
    expect(updated).toMatchObject({ id: app, templateVersion: '1.2.0', templateHash: 'sha256:ab', label: { en: app } });
    expect((await storage.read.apps.list()).map((a) => a.id)).toContain(app);
    expect((await storage.read.audit.list({ app })).items.map((e) => e.action)).toEqual(['app.update', 'app.create']);
  });

  it('keeps usernames unique regardless of case', async () => {
    const u = await user('Alice_Unique');
    expect(u).toMatchObject({ username: 'Alice_Unique', roles: ['admin'], regions: [], partnerOrg: null, locale: 'zh-CN', disabled: false });
    const dup = await problemOf(user('alice_unique'));
    expect(dup).toMatchObject({ code: 'STORAGE_DUPLICATE', path: 'username' });
    expect(dup.message.en).toContain('alice_unique');
    expect((await storage.read.users.getByUsername('ALICE_UNIQUE'))?.id).toBe(u.id);
  });

  it('links users to partner organisations and updates them', async () => {
    await storage.transaction((tx) => tx.partnerOrgs.create({ id: 'org_east', name: 'East Co', region: 'east' }));
    expect(await problemOf(storage.transaction((tx) => tx.partnerOrgs.create({ id: 'org_east', name: 'again' })))).toMatchObject({ code: 'STORAGE_DUPLICATE' });
    expect(await problemOf(user('lost', { partnerOrg: 'org_none' }))).toMatchObject({ code: 'STORAGE_NOT_FOUND', path: 'partnerOrg' });
    const u = await user('bob', { partnerOrg: 'org_east', roles: ['partner_user'], regions: ['east'], locale: 'en' });
    const changed = await storage.transaction((tx) => tx.users.update(u.id, { roles: ['partner_user', 'x'], disabled: true }));
    expect(changed).toMatchObject({ partnerOrg: 'org_east', roles: ['partner_user', 'x'], regions: ['east'], disabled: true, locale: 'en' });
    expect((await storage.read.partnerOrgs.get('org_east'))?.region).toBe('east');
    expect(await problemOf(storage.transaction((tx) => tx.users.update('00000000-0000-4000-8000-000000000000', {})))).toMatchObject({ code: 'STORAGE_NOT_FOUND' });
  });

  it('finds sessions until they expire, by the storage clock', async () => {
    const u = await user('carol');
    const now = storage.now();
    await storage.transaction(async (tx) => {
      await tx.sessions.create({ tokenHash: 'h-live', userId: u.id, expiresAt: new Date(now.getTime() + 3_600_000) });
      await tx.sessions.create({ tokenHash: 'h-old', userId: u.id, expiresAt: new Date(now.getTime() - 1000) });
    });
    expect((await storage.read.sessions.get('h-live'))?.userId).toBe(u.id);
    expect(await storage.read.sessions.get('h-old')).toBeNull();
    expect((await storage.read.sessions.userOf('h-live'))?.username).toBe(u.username);
    expect(await storage.read.sessions.userOf('h-old')).toBeNull();
    expect(await storage.read.sessions.userOf('h-missing')).toBeNull();
    expect(await storage.read.sessions.lookup('h-live')).toEqual({
      user: await storage.read.sessions.userOf('h-live'),
      publishedFingerprint: await storage.read.definitions.publishedFingerprint(),
    });
    expect(await storage.read.sessions.lookup('h-old')).toBeNull();
    expect(await storage.transaction((tx) => tx.sessions.deleteExpired())).toBe(1);
    expect(await storage.transaction((tx) => tx.sessions.deleteForUser(u.id))).toBe(1);
    expect(await storage.read.sessions.get('h-live')).toBeNull();
    expect(await problemOf(storage.transaction((tx) => tx.sessions.create({ tokenHash: 'h', userId: 'nobody', expiresAt: now })))).toMatchObject({
      code: 'STORAGE_NOT_FOUND',
      path: 'userId',
    });
  });

  it('stores attachment metadata and links it to a record', async () => {
    const app = await newApp(storage);
    const record = await storage.transaction((tx) => tx.records.create({ app, entity: 'doc', definitionVersion: 1, data: {}, actor: 'u' }));
    const a = await storage.transaction((tx) =>
      tx.attachments.create({ app, field: 'licence', filename: 'l.pdf', mime: 'application/pdf', size: 3_000_000_000, sha256: 'ab', storageKey: `k-${app}`, createdBy: 'u' }),
    );
    expect(a).toMatchObject({ recordId: null, size: 3_000_000_000, mime: 'application/pdf' });
    const linked = await storage.transaction((tx) => tx.attachments.attach(a.id, record.id));
    expect(linked.recordId).toBe(record.id);
    expect((await storage.read.attachments.listByRecord(record.id)).map((x) => x.id)).toEqual([a.id]);
    const dup = storage.transaction((tx) =>
      tx.attachments.create({ field: 'f', filename: 'x', mime: 'text/plain', size: 1, sha256: 'x', storageKey: `k-${app}`, createdBy: 'u' }),
    );
    expect(await problemOf(dup)).toMatchObject({ code: 'STORAGE_DUPLICATE', path: 'storageKey' });
    await storage.transaction((tx) => tx.attachments.delete(a.id));
    expect(await storage.read.attachments.get(a.id)).toBeNull();
  });

  it('links, with the record or after it, only the attachments the actor uploaded for the app or none that no record holds', async () => {
    const app = await newApp(storage);
    const other = await newApp(storage);
    const upload = (key: string, createdBy: string, forApp: string | null) => storage.transaction((tx) =>
      tx.attachments.create({ app: forApp, field: 'f', filename: 'f.pdf', mime: 'application/pdf', size: 1, sha256: 'x', storageKey: `${key}-${app}`, createdBy }));
    const [mine, noApp, theirs, otherApp, held] = [
      await upload('mine', 'u', app), await upload('none', 'u', null), await upload('theirs', 'v', app), await upload('other', 'u', other), await upload('held', 'u', app),
    ];
    const holder = await storage.createRecord({ app, entity: 'doc', definitionVersion: 1, data: {}, actor: 'u', attachmentIds: [held.id] });
    const ids = [mine.id, noApp.id, theirs.id, otherApp.id, held.id, 'not-a-uuid'];
    const record = await storage.createRecord({ app, entity: 'doc', definitionVersion: 1, data: {}, actor: 'u', attachmentIds: ids });
    const linked = async (recordId: string) => (await storage.read.attachments.listByRecord(recordId)).map((x) => x.id).sort();
    expect(await linked(holder.id)).toEqual([held.id]);
    expect(await linked(record.id)).toEqual([mine.id, noApp.id].sort());
    const later = await storage.transaction((tx) => tx.records.create({ app, entity: 'doc', definitionVersion: 1, data: {}, actor: 'v' }));
    expect(await storage.transaction((tx) => tx.attachments.link({ ids, recordId: later.id, app, actor: 'v' }))).toBe(1);
    expect(await linked(later.id)).toEqual([theirs.id]);
    expect(await storage.transaction((tx) => tx.attachments.link({ ids: ['x'], recordId: later.id, app, actor: 'v' }))).toBe(0);
  });
});
