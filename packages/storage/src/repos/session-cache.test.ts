import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Storage } from '../port.js';
import { testBackends } from '../testing/backends.js';
import { newApp } from '../testing/fixtures.js';

/**
 * Session lookups are kept between requests; every change to what they answer must show on the
 * very next lookup, whether it went through the repositories, a transaction or plain SQL.
 */
describe.each(testBackends())('kept session lookups on $kind', (backend) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await backend.open();
  });
  afterAll(() => storage.close());

  let n = 0;
  /** a user with a session (looked up once, so it is kept) */
  async function signedIn(ttlMs = 3_600_000) {
    const hash = `h-cache-${++n}`;
    const user = await storage.transaction((tx) => tx.users.create({ username: `kept${n}`, displayName: 'k', passwordHash: 'scrypt$x', roles: ['viewer'] }));
    await storage.transaction((tx) => tx.sessions.create({ tokenHash: hash, userId: user.id, expiresAt: new Date(storage.now().getTime() + ttlMs) }));
    expect((await storage.read.sessions.lookup(hash))?.user.id).toBe(user.id);
    return { user, hash };
  }

  it('keeps a lookup: a change the database does not announce is not seen', async () => {
    const { hash } = await signedIn();
    await storage.sql.exec('ALTER TABLE users DISABLE TRIGGER users_session_lookup');
    try {
      await storage.sql.query(`UPDATE users SET display_name = 'unannounced' WHERE id = (SELECT user_id FROM sessions WHERE token_hash = $1)`, [hash]);
      expect((await storage.read.sessions.lookup(hash))?.user.displayName).toBe('k');
    } finally {
      await storage.sql.exec('ALTER TABLE users ENABLE TRIGGER users_session_lookup');
    }
  });

  it('a kept session still ends when it expires, by the storage clock', async () => {
    // the test clock moves one second per reading
    const { hash } = await signedIn(5_000);
    for (let i = 0; i < 5; i++) await storage.read.sessions.lookup(hash);
    expect(await storage.read.sessions.lookup(hash)).toBeNull();
  });

  it('sign-out and ending all of a user\'s sessions show on the next lookup', async () => {
    const one = await signedIn();
    await storage.transaction((tx) => tx.sessions.delete(one.hash));
    expect(await storage.read.sessions.lookup(one.hash)).toBeNull();
    const all = await signedIn();
    await storage.transaction((tx) => tx.sessions.deleteForUser(all.user.id));
    expect(await storage.read.sessions.lookup(all.hash)).toBeNull();
  });

  it('disabling a user and changing its roles show on the next lookup', async () => {
    const { user, hash } = await signedIn();
    await storage.transaction((tx) => tx.users.update(user.id, { roles: ['finance'] }));
    expect((await storage.read.sessions.lookup(hash))?.user.roles).toEqual(['finance']);
    await storage.transaction((tx) => tx.users.update(user.id, { disabled: true }));
    expect((await storage.read.sessions.lookup(hash))?.user.disabled).toBe(true);
  });

  it('a rolled-back change leaves the lookup as it was', async () => {
    const { user, hash } = await signedIn();
    await expect(storage.transaction(async (tx) => {
      await tx.users.update(user.id, { roles: ['admin'] });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect((await storage.read.sessions.lookup(hash))?.user.roles).toEqual(['viewer']);
  });

  it('publishing moves the fingerprint of the next lookup', async () => {
    const { hash } = await signedIn();
    const before = (await storage.read.sessions.lookup(hash))?.publishedFingerprint;
    const app = await newApp(storage);
    await storage.transaction((tx) => tx.definitions.publish({ app, kind: 'entity', id: 'thing', body: { id: 'thing' }, actor: 'a' }));
    const after = (await storage.read.sessions.lookup(hash))?.publishedFingerprint;
    expect(after).not.toBe(before);
    expect(after).toBe(await storage.read.definitions.publishedFingerprint());
  });

  it('plain SQL changes, as another process or the CLI would make them, are announced too', async () => {
    const { user, hash } = await signedIn();
    await storage.sql.query(`UPDATE users SET roles = ARRAY['partner_user'] WHERE id = $1::uuid`, [user.id]);
    // PGlite announces before the statement returns; PostgreSQL's notice travels on another connection
    await vi.waitFor(async () => expect((await storage.read.sessions.lookup(hash))?.user.roles).toEqual(['partner_user']));
    await storage.sql.query('DELETE FROM sessions WHERE token_hash = $1', [hash]);
    await vi.waitFor(async () => expect(await storage.read.sessions.lookup(hash)).toBeNull());
  });
});

describe.each(testBackends().filter((b) => b.kind === 'postgres'))('kept session lookups across processes on $kind', (backend) => {
  it("another server's sign-out and role change reach this one", async () => {
    const db = await backend.fresh();
    try {
      const here = await db.connect();
      await here.migrate();
      const there = await db.connect();
      await there.migrate();
      const user = await there.transaction((tx) => tx.users.create({ username: 'shared', displayName: 's', passwordHash: 'scrypt$x', roles: ['viewer'] }));
      await there.transaction((tx) => tx.sessions.create({ tokenHash: 'h-shared', userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) }));
      expect((await here.read.sessions.lookup('h-shared'))?.user.roles).toEqual(['viewer']);
      await there.transaction((tx) => tx.users.update(user.id, { roles: ['finance'] }));
      await vi.waitFor(async () => expect((await here.read.sessions.lookup('h-shared'))?.user.roles).toEqual(['finance']));
      await there.transaction((tx) => tx.sessions.delete('h-shared'));
      await vi.waitFor(async () => expect(await here.read.sessions.lookup('h-shared')).toBeNull());
    } finally {
      await db.dispose();
    }
  });
});
