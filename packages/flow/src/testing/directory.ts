import type { Directory, DirectoryUser } from '../types.js';
import type { JsonValue } from '@trellis/rules';

export interface UserSpec {
  readonly id: string;
  readonly roles?: readonly string[];
  readonly manager?: string;
  readonly partnerOrg?: string;
  readonly attributes?: Readonly<Record<string, JsonValue>>;
}

/**
 * An in-memory Directory: a test double of the injected interface (the server's is backed by its
 * user tables). Exported for the seed's end-to-end flow tests.
 */
export function memoryDirectory(specs: readonly UserSpec[]): Directory {
  const users: DirectoryUser[] = specs.map((s) => ({
    id: s.id, roles: s.roles ?? [], manager: s.manager ?? null, partnerOrg: s.partnerOrg ?? null, attributes: s.attributes ?? {},
  }));
  return {
    user: (id) => users.find((u) => u.id === id) ?? null,
    usersWithRole: (role) => users.filter((u) => u.roles.includes(role)),
    usersOfPartner: (org) => users.filter((u) => u.partnerOrg === org),
  };
}
