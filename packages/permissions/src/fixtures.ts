/**
 * Test fixtures: a generic app with organisation-bound users and region-bound managers. Not
 * exported from the package.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityDefinition, PermissionDefinition } from '@trellis/definitions';
import type { Rule } from '@trellis/rules';
import type { PermissionUser } from './types.js';

const label = (en: string) => ({ en, 'zh-CN': en });

export const ROLES = ['admin', 'manager', 'org_user', 'viewer'];

const ownOrg: Rule = {
  and: [{ '!!': { var: '$user.partnerOrg' } }, { '==': [{ var: '$partnerOrg' }, { var: '$user.partnerOrg' }] }],
};

export const PERMISSIONS: PermissionDefinition[] = [
  {
    kind: 'permission', formatVersion: 1, id: 'admin_all', label: label('Admin'), roles: ['admin'], entity: '*',
    actions: ['read', 'create', 'update', 'delete', 'export', 'import'], readableFields: '*', writableFields: '*',
  },
  {
    kind: 'permission', formatVersion: 1, id: 'manager_regions', label: label('Managers'), roles: ['manager'], entity: 'customer',
    actions: ['read', 'update'], readableFields: '*', writableFields: ['name', 'status', 'address'],
    scope: { in: [{ var: 'region' }, { var: '$user.regions' }] },
  },
  {
    kind: 'permission', formatVersion: 1, id: 'org_own', label: label('Own organisation'), roles: ['org_user'], entity: 'customer',
    actions: ['read', 'create', 'update'], readableFields: ['name', 'region', 'status', 'address'], writableFields: ['name', 'region', 'address.city'],
    scope: ownOrg,
  },
  {
    kind: 'permission', formatVersion: 1, id: 'viewer_directory', label: label('Directory'), roles: ['viewer'], entity: 'customer',
    actions: ['read'], readableFields: ['name'],
  },
];

export const CUSTOMER: EntityDefinition = {
  kind: 'entity', formatVersion: 1, id: 'customer', label: label('Customer'),
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string' }, region: { type: 'string' }, status: { type: 'string' }, notes: { type: 'string' },
      score: { type: 'number' }, address: { type: 'object', properties: { city: { type: 'string' }, street: { type: 'string' } } },
    },
  },
  rules: { defaults: { status: { value: 'new' } }, computed: { score: { '*': [2, 3] } } },
};

const user = (id: string, roles: string[], partnerOrg: string | null = null, regions: string[] = []): PermissionUser =>
  ({ id, roles, partnerOrg, regions });

export const USERS = {
  admin: user('u_admin', ['admin']),
  eastManager: user('u_east', ['manager'], null, ['east']),
  orgA: user('u_a', ['org_user'], 'org_a'),
  orgB: user('u_b', ['org_user'], 'org_b'),
  orgless: user('u_none', ['org_user']),
  viewer: user('u_view', ['viewer']),
  nobody: user('u_nobody', []),
};

export const RECORDS = {
  a: { data: { name: '华东电子', region: 'east', status: 'active', notes: 'internal', address: { city: '上海', street: '南京路' } }, meta: { partnerOrg: 'org_a', owner: 'u_a' } },
  b: { data: { name: '西部商贸', region: 'west', status: 'active', notes: 'internal' }, meta: { partnerOrg: 'org_b', owner: 'u_b' } },
  internal: { data: { name: 'Direct', region: 'east', status: 'active' }, meta: { partnerOrg: null, owner: 'u_admin' } },
};

/**
 * The grants and roles of the template in seed/prm, read as data: the compiled structures must
 * answer for a real app's grants exactly as the plain definitions do.
 */
export function seedGrants(): { permissions: PermissionDefinition[]; roles: string[] } {
  const file = fileURLToPath(new URL('../../../seed/prm/template.json', import.meta.url));
  const template = JSON.parse(readFileSync(file, 'utf8')) as { permissions: PermissionDefinition[]; roles: { id: string }[] };
  return { permissions: template.permissions, roles: template.roles.map((role) => role.id) };
}
