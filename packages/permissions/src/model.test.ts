import { describe, expect, it } from 'vitest';
import { isTrellisError } from '@trellis/errors';
import { compilePermissions } from './model.js';
import { CUSTOMER, PERMISSIONS, RECORDS, ROLES, USERS } from './fixtures.js';
import type { PermissionAction } from './types.js';

const model = compilePermissions(PERMISSIONS, ROLES, { entities: [CUSTOMER] });
type UserName = keyof typeof USERS;
type RecordName = keyof typeof RECORDS;

describe('the permission matrix', () => {
  // user → record → the actions allowed on it, among read / update / delete
  const MATRIX: Record<UserName, Record<RecordName, PermissionAction[]>> = {
    admin: { a: ['read', 'update', 'delete'], b: ['read', 'update', 'delete'], internal: ['read', 'update', 'delete'] },
    eastManager: { a: ['read', 'update'], b: [], internal: ['read', 'update'] },
    orgA: { a: ['read', 'update'], b: [], internal: [] },
    orgB: { a: [], b: ['read', 'update'], internal: [] },
    orgless: { a: [], b: [], internal: [] },
    viewer: { a: ['read'], b: ['read'], internal: ['read'] },
    nobody: { a: [], b: [], internal: [] },
  };

  for (const [userName, row] of Object.entries(MATRIX)) {
    for (const [recordName, allowed] of Object.entries(row)) {
      it(`${userName} on record ${recordName}: ${allowed.join(', ') || 'nothing'}`, () => {
        const user = USERS[userName as UserName];
        const record = RECORDS[recordName as RecordName];
        for (const action of ['read', 'update', 'delete'] as const) {
          expect(model.allowsRecord(user, action, 'customer', record), action).toBe(allowed.includes(action));
        }
      });
    }
  }

  it('denies by default: no grant for the entity or the action, nothing allowed', () => {
    expect(model.can(USERS.orgA, 'read', 'invoice')).toBe(false);
    expect(model.can(USERS.orgA, 'delete', 'customer')).toBe(false);
    expect(model.can(USERS.nobody, 'read', 'customer')).toBe(false);
    expect(model.can(USERS.admin, 'import', 'invoice')).toBe(true);
    expect(compilePermissions([], ROLES).can(USERS.admin, 'read', 'customer')).toBe(false);
  });
});

describe('scopeFor', () => {
  it('puts the user in as literals and keeps record fields and metadata as vars', () => {
    expect(model.scopeFor(USERS.orgA, 'customer', 'read')).toEqual({ '==': [{ var: '$partnerOrg' }, 'org_a'] });
    expect(model.scopeFor(USERS.eastManager, 'customer', 'update')).toEqual({ in: [{ var: 'region' }, ['east']] });
  });

  it('is true for a grant without scope, false without a grant or when the user lacks what the scope needs', () => {
    expect(model.scopeFor(USERS.admin, 'customer', 'read')).toBe(true);
    expect(model.scopeFor(USERS.viewer, 'customer', 'read')).toBe(true);
    expect(model.scopeFor(USERS.viewer, 'customer', 'update')).toBe(false);
    expect(model.scopeFor(USERS.nobody, 'customer', 'read')).toBe(false);
    expect(model.scopeFor(USERS.orgless, 'customer', 'read')).toBe(false);
  });

  it('ORs the scopes of several roles', () => {
    const both = { ...USERS.orgA, roles: ['org_user', 'manager'], regions: ['east', 'north'] };
    expect(model.scopeFor(both, 'customer', 'update')).toEqual({
      or: [{ in: [{ var: 'region' }, ['east', 'north']] }, { '==': [{ var: '$partnerOrg' }, 'org_a'] }],
    });
    expect(model.allowsRecord(both, 'update', 'customer', RECORDS.b)).toBe(false);
    expect(model.allowsRecord(both, 'update', 'customer', { ...RECORDS.b, data: { ...RECORDS.b.data, region: 'north' } })).toBe(true);
  });
});

describe('readableView', () => {
  it('removes the fields the user may not read', () => {
    expect(model.readableView(USERS.orgA, 'customer', RECORDS.a.data, { meta: RECORDS.a.meta })).toEqual({
      name: '华东电子', region: 'east', status: 'active', address: { city: '上海', street: '南京路' },
    });
    expect(model.readableView(USERS.eastManager, 'customer', RECORDS.a.data)).toEqual(RECORDS.a.data);
  });

  it('only counts the grants whose scope holds on the record', () => {
    const alsoViewer = { ...USERS.orgA, roles: ['org_user', 'viewer'] };
    expect(model.readableView(alsoViewer, 'customer', RECORDS.b.data, { meta: RECORDS.b.meta })).toEqual({ name: '西部商贸' });
    expect(model.readableView(alsoViewer, 'customer', RECORDS.a.data, { meta: RECORDS.a.meta })).toHaveProperty('status', 'active');
    expect(model.readableView(USERS.orgA, 'customer', RECORDS.b.data, { meta: RECORDS.b.meta })).toEqual({});
  });

  it('keeps nested fields named by path only', () => {
    const partial = compilePermissions(
      [{ ...PERMISSIONS[3]!, readableFields: ['address.city'] }], ROLES,
    );
    expect(partial.readableView(USERS.viewer, 'customer', RECORDS.a.data)).toEqual({ address: { city: '上海' } });
    expect(partial.fieldsFor(USERS.viewer, 'customer', 'read')).toEqual(['address.city']);
    expect(model.fieldsFor(USERS.admin, 'customer', 'export')).toBe('*');
  });
});

describe('readableEverywhere', () => {
  it('names the fields every applicable grant lets the user read: what a list may filter or sort on', () => {
    const alsoViewer = { ...USERS.orgA, roles: ['org_user', 'viewer'] };
    // org_user reads name, region, status, address in its own records; viewer only name, everywhere
    expect(model.fieldsFor(alsoViewer, 'customer', 'read')).toEqual(expect.arrayContaining(['name', 'region', 'status', 'address']));
    expect(model.readableEverywhere(alsoViewer, 'customer', 'read')).toEqual(['name']);
    expect(model.readableEverywhere(USERS.orgA, 'customer', 'read')).toEqual(['name', 'region', 'status', 'address']);
    expect(model.readableEverywhere(USERS.admin, 'customer', 'read')).toBe('*');
    expect(model.readableEverywhere(USERS.viewer, 'customer', 'delete')).toEqual([]);
  });

  it('keeps a nested path one grant names under a field another grants whole', () => {
    const nested = compilePermissions([
      { ...PERMISSIONS[2]!, readableFields: ['name', 'address'] },
      { ...PERMISSIONS[3]!, roles: ['org_user'], readableFields: ['address.city', 'status'] },
    ], ROLES);
    expect(nested.readableEverywhere(USERS.orgA, 'customer', 'read')).toEqual(['address.city']);
  });
});

describe('checkWritable', () => {
  const codes = (problems: readonly { code: string; path: string }[]) => problems.map((p) => `${p.code} ${p.path}`);

  it('refuses changes to fields the role may not write, naming each', () => {
    const after = { ...RECORDS.a.data, name: 'New', status: 'closed', address: { city: '杭州', street: '西湖路' } };
    expect(codes(model.checkWritable(USERS.orgA, 'customer', RECORDS.a.data, after, { meta: RECORDS.a.meta }))).toEqual([
      'PERM_FIELD_NOT_WRITABLE status', 'PERM_FIELD_NOT_WRITABLE address.street',
    ]);
    expect(model.checkWritable(USERS.orgA, 'customer', RECORDS.a.data, { ...RECORDS.a.data, name: 'New' }, { meta: RECORDS.a.meta })).toEqual([]);
  });

  it("refuses any write to another organisation's record, whatever the id guessed", () => {
    const after = { ...RECORDS.b.data, name: 'Mine now' };
    expect(codes(model.checkWritable(USERS.orgA, 'customer', RECORDS.b.data, after, { meta: RECORDS.b.meta }))).toEqual(['PERM_FORBIDDEN ']);
  });

  it('refuses an update that moves the record out of the scope', () => {
    const after = { ...RECORDS.a.data, region: 'west' };
    expect(codes(model.checkWritable(USERS.eastManager, 'customer', RECORDS.a.data, after))).toEqual(['PERM_FORBIDDEN ']);
  });

  it('checks a create against the new record, ignoring computed fields and untouched defaults', () => {
    const meta = { partnerOrg: 'org_a' };
    const created = { name: 'N', region: 'east', status: 'new', score: 6 };
    expect(model.checkWritable(USERS.orgA, 'customer', null, created, { meta })).toEqual([]);
    expect(codes(model.checkWritable(USERS.orgA, 'customer', null, { ...created, status: 'vip' }, { meta }))).toEqual([
      'PERM_FIELD_NOT_WRITABLE status',
    ]);
    expect(codes(model.checkWritable(USERS.orgA, 'customer', null, created, { meta: { partnerOrg: 'org_b' } }))).toEqual(['PERM_FORBIDDEN ']);
    expect(codes(model.checkWritable(USERS.orgA, 'customer', null, created, { meta, action: 'import' }))).toEqual(['PERM_FORBIDDEN ']);
  });

  it('counts clearing a field as a change and null as no value', () => {
    const { region: _region, ...withoutRegion } = RECORDS.a.data;
    expect(model.checkWritable(USERS.orgA, 'customer', RECORDS.a.data, withoutRegion, { meta: RECORDS.a.meta })).toEqual([]);
    const { status: _status, ...withoutStatus } = RECORDS.a.data;
    expect(codes(model.checkWritable(USERS.orgA, 'customer', RECORDS.a.data, withoutStatus, { meta: RECORDS.a.meta }))).toEqual([
      'PERM_FIELD_NOT_WRITABLE status',
    ]);
    expect(model.checkWritable(USERS.orgA, 'customer', { name: 'x' }, { name: 'x', status: null }, { meta: RECORDS.a.meta })).toEqual([]);
  });

  it('gives messages in both languages', () => {
    const [forbidden] = model.checkWritable(USERS.nobody, 'customer', null, { name: 'x' });
    expect(forbidden?.message.en).toMatch(/may not create/);
    expect(forbidden?.message['zh-CN']).toMatch(/新建/);
  });
});

describe('per-request answers from the compiled model', () => {
  it('shares the record for a view of every field and never changes the record', () => {
    const data = structuredClone(RECORDS.a.data);
    expect(model.readableView(USERS.admin, 'customer', data, { meta: RECORDS.a.meta })).toBe(data);
    const after = { ...data, status: 'closed' };
    model.checkWritable(USERS.orgA, 'customer', data, after, { meta: RECORDS.a.meta });
    model.readableView(USERS.orgA, 'customer', data, { meta: RECORDS.a.meta });
    expect(data).toEqual(RECORDS.a.data);
  });

  it('answers each user for itself however calls interleave', () => {
    for (let round = 0; round < 3; round++) {
      expect(Object.keys(model.readableView(USERS.orgA, 'customer', RECORDS.a.data, { meta: RECORDS.a.meta }))).toEqual(['name', 'region', 'status', 'address']);
      expect(model.readableView(USERS.orgB, 'customer', RECORDS.a.data, { meta: RECORDS.a.meta })).toEqual({});
      expect(model.checkWritable(USERS.orgB, 'customer', null, { name: 'x' }, { meta: { partnerOrg: 'org_b' } })).toEqual([]);
      expect(model.checkWritable(USERS.orgA, 'customer', null, { name: 'x' }, { meta: { partnerOrg: 'org_b' } })[0]?.code).toBe('PERM_FORBIDDEN');
    }
  });

  it('evaluates scopes that read nested fields or the whole record', () => {
    const grant = PERMISSIONS[3]!;
    const nested = compilePermissions([{ ...grant, scope: { '==': [{ var: 'address.city' }, '上海'] } }], ROLES);
    expect(nested.allowsRecord(USERS.viewer, 'read', 'customer', RECORDS.a)).toBe(true);
    expect(nested.allowsRecord(USERS.viewer, 'read', 'customer', RECORDS.b)).toBe(false);
    const whole = compilePermissions([{ ...grant, scope: { '!': { missing: ['address', '$owner'] } } }], ROLES);
    expect(whole.readableView(USERS.viewer, 'customer', RECORDS.a.data, { meta: RECORDS.a.meta })).toEqual({ name: '华东电子' });
    expect(whole.readableView(USERS.viewer, 'customer', RECORDS.b.data, { meta: RECORDS.b.meta })).toEqual({});
    expect(whole.readableView(USERS.viewer, 'customer', RECORDS.a.data)).toEqual({});
  });

  it('checks nested writable fields below a covered object and ignores computed ones', () => {
    const after = { ...RECORDS.a.data, address: { city: '杭州', street: '南京路', zip: '200000' }, score: 99 };
    expect(model.checkWritable(USERS.orgA, 'customer', RECORDS.a.data, after, { meta: RECORDS.a.meta }).map((p) => p.path)).toEqual(['address.zip']);
    expect(model.checkWritable(USERS.eastManager, 'customer', RECORDS.a.data, after, { meta: RECORDS.a.meta })).toEqual([]);
  });
});

describe('compilePermissions', () => {
  it('rejects grants for roles the app does not have and unsafe scopes', () => {
    const bad = [
      { ...PERMISSIONS[1]!, roles: ['manager', 'ghost'] },
      { ...PERMISSIONS[2]!, scope: { eval: ['x'] } },
    ];
    let thrown: unknown;
    try {
      compilePermissions(bad, ROLES);
    } catch (error) {
      thrown = error;
    }
    expect(isTrellisError(thrown)).toBe(true);
    const problems = isTrellisError(thrown) ? thrown.problems : [];
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'PERM_UNKNOWN_ROLE permissions.manager_regions.roles.1',
      expect.stringMatching(/^RULE_\w+ permissions\.org_own\.scope/),
    ]);
  });

  it('accepts role definitions as well as ids', () => {
    const withDefs = compilePermissions(PERMISSIONS, ROLES.map((id) => ({ id })));
    expect(withDefs.can(USERS.viewer, 'read', 'customer')).toBe(true);
  });
});
