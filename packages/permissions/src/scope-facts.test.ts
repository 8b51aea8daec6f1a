import { describe, expect, it } from 'vitest';
import { evaluateReference, type Rule } from '@trellis/rules';
import { seedGrants, USERS } from './fixtures.js';
import { bindUser, userContext } from './scope.js';
import { scopeFacts, scopeReads } from './scope-facts.js';
import type { PermissionUser, RecordFacts } from './types.js';

describe('scopeReads', () => {
  it('names the top-level fields and metadata a scope reads', () => {
    expect(scopeReads({ in: [{ var: 'region' }, { var: '$user.regions' }] })).toEqual(['region', '$user']);
    expect(scopeReads({ '==': [{ var: 'address.city' }, { var: ['$owner', 'x'] }] })).toEqual(['address', '$owner']);
    expect(scopeReads(true)).toEqual([]);
    expect(scopeReads({ '==': [{ var: '__proto__.x' }, { var: 'ok' }] })).toEqual(['ok']);
    expect(scopeReads({ some: [{ var: 'items' }, { '==': [{ var: 'kind' }, 'a'] }] })).toEqual(['items', 'kind']);
  });

  it('gives up (null: the whole data) where a scope may read any name', () => {
    expect(scopeReads({ '!!': { var: '' } })).toBeNull();
    expect(scopeReads({ missing: ['a'] })).toBeNull();
    expect(scopeReads({ missing_some: [1, ['a', 'b']] })).toBeNull();
    expect(scopeReads({ var: { cat: ['a', 'b'] } })).toBeNull();
    expect(scopeReads({ var: [['a']] })).toBeNull();
  });
});

describe('scopeFacts', () => {
  const records: RecordFacts[] = [
    { data: { region: 'east', partnerId: 'org_a', status: 'draft' }, meta: { owner: 'u_a', partnerOrg: 'org_a' } },
    { data: { region: 'west', partnerId: 'org_b', status: 'approved' }, meta: { owner: 'u_b', partnerOrg: 'org_b', revision: undefined } },
    { data: { region: 'east', status: 'submitted' } },
    // data named like metadata or the user: metadata wins over data, the user over both
    { data: { $partnerOrg: 'org_a', $user: { partnerOrg: 'org_b' }, partnerId: null }, meta: { partnerOrg: 'org_b', user: 'meta' } },
    { data: JSON.parse('{"__proto__": {"region": "east"}, "constructor": 1}') as RecordFacts['data'], meta: {} },
  ];
  const users: PermissionUser[] = [...Object.values(USERS), { id: 'u_x', roles: ['partner_user'], partnerOrg: 'org_b', regions: ['west'] }];
  const extra: Rule[] = [
    { '==': [{ var: '$user.partnerOrg' }, 'org_b'] },
    { '==': [{ var: '$revision' }, null] },
    { '!!': { var: '$partnerOrg' } },
    { '==': [{ var: ['nothing', 'fallback'] }, 'fallback'] },
  ];

  it('gives every scope the answer the whole record gives, over the seed grants and edge cases', () => {
    const scopes = [...seedGrants().permissions.flatMap((p) => (p.scope === undefined ? [] : [p.scope])), ...extra];
    for (const scope of scopes) {
      for (const user of users) {
        const context = userContext(user);
        const bound = bindUser(scope, context);
        for (const rule of [scope, bound]) {
          const reads = scopeReads(rule);
          expect(reads, JSON.stringify(rule)).not.toBeNull();
          for (const record of records) {
            const whole = evaluateReference(rule, scopeFacts(null, record, context));
            expect(evaluateReference(rule, scopeFacts(reads, record, context)), `${JSON.stringify(rule)} on ${JSON.stringify(record)}`).toEqual(whole);
          }
        }
      }
    }
  });

  it('reads the names from the record, its metadata and the user, as the whole data has them', () => {
    const context = userContext(USERS.orgA);
    const [, second, , named] = records;
    expect(scopeFacts(['$partnerOrg', '$user', 'partnerId', 'absent'], named!, context)).toEqual({ $partnerOrg: 'org_b', $user: context, partnerId: null });
    expect(scopeFacts(['$revision', '$owner'], second!, context)).toEqual({ $revision: null, $owner: 'u_b' });
    expect(scopeFacts(['$owner'], { data: {} }, context)).toEqual({});
  });
});
