import { describe, expect, it } from 'vitest';
import { fieldsText, permissionsByEntity, type PermissionDefinition } from './access.js';

const permission = (id: string, entity: string, roles: string[]): PermissionDefinition => ({ id, label: { en: id, 'zh-CN': id }, roles, entity, actions: ['read'] });

describe('permissions by entity', () => {
  const all = [permission('p1', 'partner', ['cm']), permission('p2', '*', ['admin']), permission('p3', 'partner', ['admin', 'fin'])];

  it('group by entity, every entity in name order', () => {
    expect(permissionsByEntity(all, null).map(([e, ps]) => [e, ps.map((p) => p.id)])).toEqual([['*', ['p2']], ['partner', ['p1', 'p3']]]);
  });

  it('keep only those a role holds', () => {
    expect(permissionsByEntity(all, 'fin').map(([e, ps]) => [e, ps.map((p) => p.id)])).toEqual([['partner', ['p3']]]);
  });

  it('show field lists', () => {
    expect(fieldsText('*', 'all')).toBe('all');
    expect(fieldsText(['a', 'b'], 'all')).toBe('a, b');
    expect(fieldsText(undefined, 'all')).toBe('');
  });
});
