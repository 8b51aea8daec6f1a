import { describe, expect, it } from 'vitest';
import { evaluateReference, type Rule } from '@trellis/rules';
import { bindUser, userContext } from './scope.js';

const user = userContext({ id: 'u1', roles: ['sales', 'ops'], partnerOrg: 'org_a', regions: ['east', 'south'] });

describe('bindUser', () => {
  it('replaces $user vars by the values, defaults included', () => {
    expect(bindUser({ '==': [{ var: '$owner' }, { var: '$user.id' }] }, user)).toEqual({ '==': [{ var: '$owner' }, 'u1'] });
    expect(bindUser({ '==': [{ var: 'code' }, { var: ['$user.missing', 'none'] }] }, user)).toEqual({ '==': [{ var: 'code' }, 'none'] });
  });

  it('evaluates away what no longer reads the record', () => {
    expect(bindUser({ in: ['ops', { var: '$user.roles' }] }, user)).toBe(true);
    expect(bindUser({ or: [{ in: ['admin', { var: '$user.roles' }] }, { '==': [{ var: 'x' }, 1] }] }, user)).toEqual({ '==': [{ var: 'x' }, 1] });
    expect(bindUser({ and: [{ in: ['admin', { var: '$user.roles' }] }, { '==': [{ var: 'x' }, 1] }] }, user)).toBe(false);
  });

  it('never lets a list value be read as an argument list', () => {
    const rule: Rule = { '!!': { var: '$user.regions' } };
    const bound = bindUser(rule, user);
    expect(evaluateReference(bound, {})).toBe(evaluateReference(rule, { $user: user }));
    const empty = bindUser({ in: [{ var: 'region' }, { var: '$user.regions' }] }, userContext({ id: 'u', roles: [], partnerOrg: null }));
    expect(empty).toEqual({ in: [{ var: 'region' }, []] });
    expect(evaluateReference(empty, { region: 'east' })).toBe(false);
  });

  it('gives the same answer as evaluating with the user in the data', () => {
    const rules: Rule[] = [
      { in: [{ var: 'region' }, { var: '$user.regions' }] },
      { or: [{ '==': [{ var: '$partnerOrg' }, { var: '$user.partnerOrg' }] }, { '==': [{ var: '$owner' }, { var: '$user.id' }] }] },
      { and: [{ '!!': { var: '$user.partnerOrg' } }, { '!=': [{ var: 'status' }, 'draft'] }] },
    ];
    const records = [
      { region: 'east', status: 'draft', $partnerOrg: 'org_a', $owner: 'u2' },
      { region: 'west', status: 'open', $partnerOrg: 'org_b', $owner: 'u1' },
      { region: 'north', status: 'open', $partnerOrg: null, $owner: null },
    ];
    for (const rule of rules) {
      for (const record of records) {
        expect(evaluateReference(bindUser(rule, user), record)).toEqual(evaluateReference(rule, { ...record, $user: user }));
      }
    }
  });
});
