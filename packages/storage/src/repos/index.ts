import type { StorageTx } from '../port.js';
import { appRepository } from './apps.js';
import { attachmentRepository } from './attachments.js';
import { auditRepository } from './audit.js';
import type { RepoContext } from './context.js';
import { definitionRepository } from './definitions.js';
import { flowInstanceRepository } from './flow-instances.js';
import { flowTaskRepository } from './flow-tasks.js';
import { idempotencyRepository } from './idempotency.js';
import { inboxRepository } from './inbox.js';
import { invitationRepository } from './invitations.js';
import { partnerOrgRepository } from './partner-orgs.js';
import { recordRepository } from './records.js';
import { sessionRepository } from './sessions.js';
import { userRepository } from './users.js';

/** Every repository over one driver, so audit entries share the transaction of the change. */
export function repositories(ctx: RepoContext): StorageTx {
  const audit = auditRepository(ctx);
  return {
    apps: appRepository(ctx, audit),
    definitions: definitionRepository(ctx, audit),
    records: recordRepository(ctx, audit),
    audit,
    users: userRepository(ctx),
    sessions: sessionRepository(ctx),
    partnerOrgs: partnerOrgRepository(ctx),
    attachments: attachmentRepository(ctx),
    flowInstances: flowInstanceRepository(ctx),
    flowTasks: flowTaskRepository(ctx),
    idempotency: idempotencyRepository(ctx),
    inbox: inboxRepository(ctx),
    invitations: invitationRepository(ctx),
    sql: ctx.sql,
    now: ctx.now,
  };
}
