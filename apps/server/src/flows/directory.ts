import type { Directory, DirectoryUser } from '@trellis/flow';
import type { User } from '@trellis/storage';

/**
 * The engine's directory over the server's users: roles, manager, partner organisation, and
 * `regions` as an attribute (assignee match rules read `$candidate.attributes.regions`). Disabled
 * users are left out, so no task is assigned to someone who cannot sign in.
 */
export function userDirectory(users: readonly User[]): Directory {
  const active: DirectoryUser[] = users
    .filter((u) => !u.disabled)
    .map((u) => ({ id: u.id, roles: u.roles, manager: u.manager, partnerOrg: u.partnerOrg, attributes: { regions: u.regions } }));
  const byId = new Map(active.map((u) => [u.id, u]));
  return {
    user: (id) => byId.get(id) ?? null,
    usersWithRole: (role) => active.filter((u) => u.roles.includes(role)),
    usersOfPartner: (org) => active.filter((u) => u.partnerOrg === org),
  };
}
