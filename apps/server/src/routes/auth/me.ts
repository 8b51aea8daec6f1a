import type { StorageReader } from '@trellis/storage';
import type { SessionUser } from '../../identity/session-user.js';

/** The `me` document: the session user with its partner organisation spelled out. */
export async function describeMe(read: StorageReader, user: SessionUser) {
  const org = user.partnerOrg === null ? null : await read.partnerOrgs.get(user.partnerOrg);
  return { ...user, partnerOrgDetails: org };
}
