/**
 * Change notices for the session cache (repos/session-cache.ts): every statement that changes
 * users, sessions or published definitions, whoever runs it (another server process, the CLI,
 * plain SQL), notifies `trellis_session_lookup` when it commits, and each storage that listens
 * forgets the session lookups it kept.
 */
export const SESSION_LOOKUP_CHANNEL = 'trellis_session_lookup';

export const sessionLookupNotices = `
CREATE FUNCTION trellis_session_lookup_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${SESSION_LOOKUP_CHANNEL}', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER users_session_lookup AFTER UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION trellis_session_lookup_changed();
CREATE TRIGGER sessions_session_lookup AFTER UPDATE OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION trellis_session_lookup_changed();
CREATE TRIGGER definition_versions_session_lookup AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON definition_versions
  FOR EACH STATEMENT EXECUTE FUNCTION trellis_session_lookup_changed();
`;
