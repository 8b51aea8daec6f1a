import { randomUUID } from 'node:crypto';
import type { InboxMessage, InboxQuery, InboxRepository } from '../port-flows.js';
import type { LocalizedLabel } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { UUID } from '../query/filter.js';
import { pageLimit } from '../query/limit.js';
import { keysetPage, type Keyset } from '../query/page.js';
import { Params } from '../query/params.js';
import { iso, isoOrNull, jsonb, type RepoContext } from './context.js';

interface MessageRow {
  id: string;
  delivery_id: string;
  recipient: string;
  app: string;
  instance_id: string | null;
  task_id: string | null;
  reason: string;
  subject: LocalizedLabel | null;
  message: LocalizedLabel | null;
  created_at: unknown;
  read_at: unknown;
}

const toMessage = (row: MessageRow): InboxMessage => ({
  id: row.id,
  deliveryId: row.delivery_id,
  recipient: row.recipient,
  app: row.app,
  instanceId: row.instance_id,
  taskId: row.task_id,
  reason: row.reason,
  subject: row.subject,
  message: row.message,
  createdAt: iso(row.created_at),
  readAt: isoOrNull(row.read_at),
});

const KEYSET: Keyset = { kind: 'inbox', from: '* FROM inbox_messages', at: 'created_at', id: 'id', idCast: 'uuid', direction: '<' };

export function inboxRepository(ctx: RepoContext): InboxRepository {
  const { sql } = ctx;
  return {
    async list(query: InboxQuery) {
      const limit = pageLimit(query.limit);
      const params = new Params();
      const where = [`recipient = ${params.add(query.recipient, 'text')}`];
      if (query.unread === true) where.push('read_at IS NULL');
      return keysetPage(sql, KEYSET, where, params, { after: query.after, limit }, toMessage, (m) => [m.createdAt, m.id]);
    },
    async add(messages) {
      if (messages.length === 0) return 0;
      const at = ctx.now().toISOString();
      const params = new Params();
      const values = messages.map((m) => `(${[
        params.add(randomUUID(), 'uuid'), params.add(m.deliveryId, 'text'), params.add(m.recipient, 'text'), params.add(m.app, 'text'),
        params.add(m.instanceId, 'uuid'), params.add(m.taskId, 'text'), params.add(m.reason, 'text'), params.add(jsonb(m.subject), 'jsonb'),
        params.add(jsonb(m.message), 'jsonb'), params.add(at, 'timestamptz'),
      ].join(', ')})`);
      const rows = await sql.query(
        `INSERT INTO inbox_messages (id, delivery_id, recipient, app, instance_id, task_id, reason, subject, message, created_at)
         VALUES ${values.join(', ')} ON CONFLICT (delivery_id, recipient) DO NOTHING RETURNING id`,
        params.values,
      );
      return rows.length;
    },
    async markRead(id, recipient) {
      const rows = UUID.test(id)
        ? await sql.query<MessageRow>(
          'UPDATE inbox_messages SET read_at = COALESCE(read_at, $3::timestamptz) WHERE id = $1::uuid AND recipient = $2 RETURNING *',
          [id, recipient, ctx.now().toISOString()],
        )
        : [];
      if (rows[0] === undefined) throw storageError(storageProblems.notFound('id', 'message', id));
      return toMessage(rows[0]);
    },
  };
}
