import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../port.js';
import { testBackends } from '../testing/backends.js';
import { problemOf } from '../testing/fixtures.js';

describe.each(testBackends())('invitations on $kind', (backend) => {
  let storage: Storage;
  let userId: string;
  beforeAll(async () => {
    storage = await backend.open();
    await storage.transaction((tx) => tx.partnerOrgs.create({ id: 'inv_org', name: 'Invited Co' }));
    userId = (await storage.transaction((tx) => tx.users.create({ username: 'invitee', displayName: 'x', passwordHash: 'scrypt$x', roles: ['partner_user'], partnerOrg: 'inv_org' }))).id;
  });
  afterAll(() => storage.close());

  const create = (tokenHash: string, expiresAt: string, partnerOrg = 'inv_org') =>
    storage.transaction((tx) => tx.invitations.create({ tokenHash, partnerOrg, roles: ['partner_user'], email: 'a@example.com', locale: 'en', createdBy: 'manager', expiresAt }));

  it('stores an invitation by its token hash, for an existing organisation', async () => {
    const made = await create('hash-1', '2999-01-01T00:00:00.000Z');
    expect(made).toMatchObject({ tokenHash: 'hash-1', partnerOrg: 'inv_org', roles: ['partner_user'], email: 'a@example.com', locale: 'en', acceptedAt: null, acceptedBy: null });
    expect((await storage.read.invitations.getByTokenHash('hash-1'))?.id).toBe(made.id);
    expect(await storage.read.invitations.getByTokenHash('nope')).toBeNull();
    expect(await problemOf(create('hash-1', '2999-01-01T00:00:00.000Z'))).toMatchObject({ code: 'STORAGE_DUPLICATE', path: 'tokenHash' });
    expect(await problemOf(create('hash-2', '2999-01-01T00:00:00.000Z', 'no_org'))).toMatchObject({ code: 'STORAGE_NOT_FOUND', path: 'partnerOrg' });
    expect((await storage.read.invitations.listByPartnerOrg('inv_org')).map((i) => i.tokenHash)).toEqual(['hash-1']);
  });

  it('is accepted once, and never after it expired', async () => {
    const open = await create('hash-3', '2999-01-01T00:00:00.000Z');
    const accepted = await storage.transaction((tx) => tx.invitations.accept(open.id, userId));
    expect(accepted).toMatchObject({ acceptedBy: userId });
    expect(accepted?.acceptedAt).not.toBeNull();
    expect(await storage.transaction((tx) => tx.invitations.accept(open.id, userId))).toBeNull();
    const expired = await create('hash-4', '2000-01-01T00:00:00.000Z');
    expect(await storage.transaction((tx) => tx.invitations.accept(expired.id, userId))).toBeNull();
  });
});
