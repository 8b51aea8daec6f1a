import type { FormUser } from '@trellis/forms';
import type { PermissionUser } from '@trellis/permissions';

/** Who acts on records: the signed-in user as the services need it. */
export interface Actor extends PermissionUser {
  readonly regions: readonly string[];
}

export function formUser(actor: Actor): FormUser {
  return { id: actor.id, roles: actor.roles, partnerOrg: actor.partnerOrg };
}
