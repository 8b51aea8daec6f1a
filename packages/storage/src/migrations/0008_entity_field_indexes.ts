/**
 * Field indexes used to be shared by every entity with the field (`records_f_*`), so each insert
 * maintained the indexes of all entities' fields. They are now partial per app and entity
 * (`records_e_*`, field-indexes.ts). This drops the shared ones; the server re-creates the
 * per-entity indexes of every published entity on the start that applies this migration.
 */
export const ENTITY_FIELD_INDEXES_MIGRATION = '0008_entity_field_indexes';

export const entityFieldIndexes = `
DO $$
DECLARE shared record;
BEGIN
  FOR shared IN SELECT indexname FROM pg_indexes WHERE tablename = 'records' AND indexname LIKE 'records\\_f\\_%' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I', shared.indexname);
  END LOOP;
END $$;
`;
