import type { Migration } from '../port.js';
import { init } from './0001_init.js';
import { flows } from './0002_flows.js';
import { jobs } from './0003_jobs.js';
import { incentives } from './0004_incentives.js';
import { invitations } from './0005_invitations.js';
import { userEmail } from './0006_user_email.js';
import { programFormat2 } from './0007_program_format_2.js';
import { ENTITY_FIELD_INDEXES_MIGRATION, entityFieldIndexes } from './0008_entity_field_indexes.js';
import { sessionLookupNotices } from './0009_session_lookup_notices.js';
import { incentiveRunApproval } from './0010_incentive_run_approval.js';

/** Every migration in the order it runs; append only, never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  { name: '0001_init', sql: init },
  { name: '0002_flows', sql: flows },
  { name: '0003_jobs', sql: jobs },
  { name: '0004_incentives', sql: incentives },
  { name: '0005_invitations', sql: invitations },
  { name: '0006_user_email', sql: userEmail },
  { name: '0007_program_format_2', sql: programFormat2 },
  { name: ENTITY_FIELD_INDEXES_MIGRATION, sql: entityFieldIndexes },
  { name: '0009_session_lookup_notices', sql: sessionLookupNotices },
  { name: '0010_incentive_run_approval', sql: incentiveRunApproval },
];
