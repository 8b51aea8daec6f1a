import { randomUUID } from 'node:crypto';
import type { Invitation, InvitationRepository } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { UUID } from '../query/filter.js';
import { iso, isoOrNull, one, withConstraints, type RepoContext } from './context.js';

interface InvitationRow {
  id: string;
  token_hash: string;
  partner_org: string;
  roles: string[];
  email: string | null;
  locale: string;
  created_by: string;
  created_at: unknown;
  expires_at: unknown;
  accepted_at: unknown;
  accepted_by: string | null;
}

const toInvitation = (row: InvitationRow): Invitation => ({
  id: row.id,
  tokenHash: row.token_hash,
  partnerOrg: row.partner_org,
  roles: row.roles,
  email: row.email,
  locale: row.locale,
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
  expiresAt: iso(row.expires_at),
  acceptedAt: isoOrNull(row.accepted_at),
  acceptedBy: row.accepted_by,
});

export function invitationRepository(ctx: RepoContext): InvitationRepository {
  const { sql } = ctx;
  return {
    async getByTokenHash(tokenHash) {
      const rows = await sql.query<InvitationRow>('SELECT * FROM invitations WHERE token_hash = $1', [tokenHash]);
      return rows[0] === undefined ? null : toInvitation(rows[0]);
    },
    async listByPartnerOrg(partnerOrg) {
      return (await sql.query<InvitationRow>('SELECT * FROM invitations WHERE partner_org = $1 ORDER BY created_at, id', [partnerOrg])).map(toInvitation);
    },
    async create(input) {
      const rows = await withConstraints(
        sql.query<InvitationRow>(
          `INSERT INTO invitations (id, token_hash, partner_org, roles, email, locale, created_by, created_at, expires_at)
           VALUES ($1::uuid, $2, $3, $4::text[], $5, $6, $7, $8::timestamptz, $9::timestamptz) RETURNING *`,
          [randomUUID(), input.tokenHash, input.partnerOrg, [...input.roles], input.email ?? null, input.locale,
            input.createdBy, ctx.now().toISOString(), iso(input.expiresAt)],
        ),
        {
          invitations_partner_org_fkey: () => storageProblems.notFound('partnerOrg', 'partner organisation', input.partnerOrg),
          invitations_token_hash_key: () => storageProblems.duplicate('tokenHash', input.tokenHash),
        },
      );
      return toInvitation(one(rows));
    },
    async accept(id, userId) {
      if (!UUID.test(id) || !UUID.test(userId)) throw storageError(storageProblems.notFound('id', 'invitation', id));
      // Only an open, unexpired invitation is taken: two concurrent acceptances cannot both win.
      const rows = await sql.query<InvitationRow>(
        `UPDATE invitations SET accepted_at = $3::timestamptz, accepted_by = $2::uuid
         WHERE id = $1::uuid AND accepted_at IS NULL AND expires_at > $3::timestamptz RETURNING *`,
        [id, userId, ctx.now().toISOString()],
      );
      return rows[0] === undefined ? null : toInvitation(rows[0]);
    },
  };
}
