import type { User } from '@trellis/storage';

/** The signed-in user as routes see it: no password hash, nothing the client may not know. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly partnerOrg: string | null;
  readonly regions: readonly string[];
  readonly locale: string;
  readonly mustChangePassword: boolean;
}

export function toSessionUser(user: User): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    partnerOrg: user.partnerOrg,
    regions: user.regions,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
  };
}

export function hasAnyRole(user: SessionUser, roles: readonly string[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

/** The platform role that administers users and partner organisations. */
export const ADMIN_ROLE = 'admin';
