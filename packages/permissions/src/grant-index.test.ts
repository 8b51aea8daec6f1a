import { describe, expect, it } from 'vitest';
import { covers, unionFields } from './fields.js';
import { PERMISSIONS, ROLES, seedGrants } from './fixtures.js';
import { GrantIndex, grantOf, type Grant } from './grant-index.js';
import { PERMISSION_ACTIONS, type PermissionAction } from './types.js';

const apps = { seed: seedGrants(), fixtures: { permissions: PERMISSIONS, roles: ROLES } };

/** What the index answers from: every grant of the roles, entity and action, in definition order. */
const plainly = (grants: readonly Grant[], roles: readonly string[], action: PermissionAction, entity: string) =>
  grants.filter((g) => (g.entity === '*' || g.entity === entity) && g.actions.has(action) && roles.some((r) => g.roles.has(r)));

describe('GrantIndex', () => {
  for (const [name, app] of Object.entries(apps)) {
    const grants = app.permissions.map(grantOf);
    const index = new GrantIndex(grants);
    const entities = [...new Set(app.permissions.map((p) => p.entity)), 'unknown_entity', '*'];
    const roleSets = [[], ['ghost'], ...app.roles.map((r) => [r]), ...app.roles.flatMap((a) => app.roles.map((b) => [a, b, 'ghost']))];
    const actions = [...PERMISSION_ACTIONS, 'bogus' as PermissionAction];

    it(`finds the grants a plain filter finds (${name} grants)`, () => {
      for (const entity of entities) {
        for (const action of actions) {
          for (const roles of roleSets) {
            expect(index.grantsFor(roles, action, entity), `${roles.join('+')} ${action} ${entity}`).toEqual(plainly(grants, roles, action, entity));
          }
        }
      }
    });

    it(`unions the fields of a combination of grants as unionFields does (${name} grants)`, () => {
      const paths = [...new Set(app.permissions.flatMap((p) => [p.readableFields ?? [], p.writableFields ?? []]).flatMap((s) => (s === '*' ? [] : [...s])))];
      for (const entity of entities) {
        for (const roles of roleSets) {
          for (const action of actions) {
            const applying = index.grantsFor(roles, action, entity);
            for (const which of ['readable', 'writable'] as const) {
              const union = index.fields(applying, which);
              expect(index.fields(applying, which)).toBe(union);
              const set = unionFields(applying.map((g) => g[which]));
              const probes = [...paths, `${paths[0]}.below`, 'nope'];
              expect(probes.map((path) => union.covers(path)), `${roles.join('+')} ${action} ${entity} ${which}`).toEqual(probes.map((path) => covers(set, path)));
            }
          }
        }
      }
    });
  }
});
