/**
 * The first schema: apps, versioned definitions, records with server-owned metadata, audit,
 * identity and attachment metadata. Timestamps come from the storage clock (never now() in SQL),
 * so tests are deterministic. Flow tables arrive in later migrations (0002+).
 */
export const init = `
CREATE TABLE apps (
  id text PRIMARY KEY,
  label jsonb NOT NULL,
  template_version text,
  template_hash text,
  created_at timestamptz NOT NULL,
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL
);

CREATE TABLE definition_drafts (
  app text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  kind text NOT NULL,
  id text NOT NULL,
  body jsonb NOT NULL,
  based_on integer,
  updated_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  PRIMARY KEY (app, kind, id)
);

CREATE TABLE definition_versions (
  app text NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  kind text NOT NULL,
  id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  body jsonb NOT NULL,
  content_hash text NOT NULL,
  published_at timestamptz NOT NULL,
  published_by text NOT NULL,
  PRIMARY KEY (app, kind, id, version)
);

CREATE TABLE partner_orgs (
  id text PRIMARY KEY,
  name text NOT NULL,
  region text,
  created_at timestamptz NOT NULL
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL,
  partner_org text REFERENCES partner_orgs(id),
  regions text[] NOT NULL,
  locale text NOT NULL,
  disabled boolean NOT NULL,
  must_change_password boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE records (
  id uuid PRIMARY KEY,
  app text NOT NULL REFERENCES apps(id),
  entity text NOT NULL,
  definition_version integer NOT NULL,
  owner text,
  partner_org text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  revision integer NOT NULL CHECK (revision > 0),
  data jsonb NOT NULL
);
CREATE INDEX records_updated_idx ON records (app, entity, updated_at, id);
CREATE INDEX records_created_idx ON records (app, entity, created_at, id);
CREATE INDEX records_owner_idx ON records (app, entity, owner);
CREATE INDEX records_partner_org_idx ON records (app, entity, partner_org);

CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  app text,
  entity text,
  record_id uuid,
  definition_kind text,
  definition_id text,
  before jsonb,
  after jsonb,
  request_id text
);
CREATE INDEX audit_record_idx ON audit_log (record_id, seq);
CREATE INDEX audit_app_entity_idx ON audit_log (app, entity, seq);

CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  app text REFERENCES apps(id),
  record_id uuid REFERENCES records(id) ON DELETE SET NULL,
  field text NOT NULL,
  filename text NOT NULL,
  mime text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  storage_key text NOT NULL UNIQUE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX attachments_record_idx ON attachments (record_id);
`;
