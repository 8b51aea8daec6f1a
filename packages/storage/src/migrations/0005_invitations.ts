/**
 * Invitations: a channel manager invites a partner organisation's first user by link. Only the
 * SHA-256 of the link's token is kept, like session tokens.
 */
export const invitations = `
CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL,
  partner_org text NOT NULL REFERENCES partner_orgs(id),
  roles text[] NOT NULL,
  email text,
  locale text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users(id)
);
CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash);
CREATE INDEX invitations_partner_org_idx ON invitations (partner_org);
`;
