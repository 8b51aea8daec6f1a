import { describe, expect, it } from 'vitest';
import { exportTemplate } from './hash.js';
import { smallTemplate } from './testing/small-template.js';
import { validateTemplate } from './validate.js';

const label = { en: 'Grant', 'zh-CN': '授权' };

function withPermissions(...permissions: Record<string, unknown>[]): Record<string, unknown> {
  return { ...smallTemplate(), permissions: permissions.map((p) => ({ kind: 'permission', formatVersion: 1, label, ...p })) };
}

const regional = {
  id: 'regional_partners',
  roles: ['channel_manager'],
  entity: 'partner',
  actions: ['read', 'update'],
  readableFields: '*',
  writableFields: ['name', 'creditLimit'],
  scope: { in: [{ var: 'region' }, { var: '$user.regions' }] },
};

const found = (doc: unknown) => validateTemplate(doc).problems.map((p) => `${p.path} ${p.code}`);

describe('permission checks', () => {
  it('accept grants over existing roles, entities and fields, with scopes over metadata and the user', () => {
    const own = {
      id: 'own_org', roles: ['finance'], entity: 'performance', actions: ['read'], readableFields: ['target', 'actual'],
      scope: { and: [{ '!!': { var: '$user.partnerOrg' } }, { '==': [{ var: '$partnerOrg' }, { var: '$user.partnerOrg' }] }] },
    };
    const everything = { id: 'all', roles: ['finance'], entity: '*', actions: ['delete'], scope: { '==': [{ var: '$owner' }, { var: '$user.id' }] } };
    const doc = withPermissions(regional, own, everything);
    expect(validateTemplate(doc)).toMatchObject({ ok: true, problems: [] });
    expect(validateTemplate(JSON.parse(exportTemplate(doc))).ok).toBe(true);
  });

  it('report unknown roles, entities and fields, naming the place', () => {
    const doc = withPermissions(
      { ...regional, roles: ['channel_manager', 'auditor'], writableFields: ['name', 'credit_limit'], readableFields: ['tier', 'nmae'] },
      { ...regional, id: 'ghost', entity: 'invoice' },
    );
    expect(found(doc)).toEqual([
      'permissions.regional_partners.roles.1 TEMPLATE_UNKNOWN_ROLE',
      'permissions.regional_partners.readableFields.1 RULE_UNKNOWN_VAR',
      'permissions.regional_partners.writableFields.1 RULE_UNKNOWN_VAR',
      'permissions.ghost.entity TEMPLATE_UNKNOWN_ENTITY',
    ]);
    const suggestion = validateTemplate(doc).problems.find((p) => p.path.endsWith('writableFields.1'))?.details;
    expect(suggestion).toMatchObject({ suggestion: 'creditLimit' });
  });

  it('check scopes against the entity schema and the scope context: no clock, no unknown metadata', () => {
    const doc = withPermissions(
      { ...regional, scope: { '==': [{ var: 'regoin' }, { var: '$user.region' }] } },
      { ...regional, id: 'dated', scope: { '<': [{ var: '$createdAt' }, { var: '$today' }] } },
      { ...regional, id: 'any_entity', entity: '*', actions: ['delete'], scope: { '==': [{ var: 'name' }, 'x'] } },
      { ...regional, id: 'unsafe', scope: { eval: ['1'] } },
    );
    const problems = found(doc);
    expect(problems).toEqual(expect.arrayContaining([
      'permissions.regional_partners.scope.==.0.var RULE_UNKNOWN_VAR',
      'permissions.regional_partners.scope.==.1.var RULE_UNKNOWN_VAR',
      'permissions.dated.scope.<.1.var RULE_UNKNOWN_VAR',
      'permissions.any_entity.scope.==.0.var RULE_UNKNOWN_VAR',
    ]));
    expect(problems.some((p) => p.startsWith('permissions.unsafe.scope'))).toBe(true);
    expect(problems.some((p) => p.startsWith('permissions.dated.scope.<.0'))).toBe(false);
  });

  it('report duplicate permission ids', () => {
    expect(found(withPermissions(regional, regional))).toContain('permissions.1 TEMPLATE_DUPLICATE_ID');
  });
});
