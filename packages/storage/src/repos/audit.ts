import { randomUUID } from 'node:crypto';
import type { AuditAppend, AuditEntry, AuditListQuery, AuditPage, AuditRepository, JsonValue } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { UUID } from '../query/filter.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../query/cursor.js';
import { pageLimit } from '../query/limit.js';
import { Params } from '../query/params.js';
import { iso, jsonb, one, type RepoContext } from './context.js';

interface AuditRow {
  id: string;
  seq: string;
  at: unknown;
  actor: string;
  action: string;
  app: string | null;
  entity: string | null;
  record_id: string | null;
  definition_kind: string | null;
  definition_id: string | null;
  before: JsonValue | null;
  after: JsonValue | null;
  request_id: string | null;
}

const COLUMNS =
  'id, seq::text AS seq, at, actor, action, app, entity, record_id, definition_kind, definition_id, before, after, request_id';

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: iso(row.at),
    actor: row.actor,
    action: row.action,
    app: row.app,
    entity: row.entity,
    recordId: row.record_id,
    definitionKind: row.definition_kind,
    definitionId: row.definition_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  };
}

const CURSOR_KIND = 'audit';

/** Audit entries written in the same statement as their change: AUDIT_INSERT auditValuesSql(n), auditValues(…). */
export const AUDIT_INSERT =
  'INSERT INTO audit_log (id, at, actor, action, app, entity, record_id, definition_kind, definition_id, before, after, request_id)';

/**
 * `VALUES (...)` for auditValues(...) passed from parameter `$first` on. With `afterData`, the
 * parameter holding a record's data is set into `after` as its `data`, so a written record's
 * document is sent and parsed once, not once more inside its audit entry.
 */
export function auditValuesSql(first: number, afterData?: number): string {
  const casts = ['::uuid', '::timestamptz', '', '', '', '', '::uuid', '', '', '::jsonb', '::jsonb', ''];
  const values = casts.map((cast, i) => `$${first + i}${cast}`);
  if (afterData !== undefined) values[10] = `jsonb_set($${first + 10}::jsonb, '{data}', $${afterData}::jsonb)`;
  return `VALUES (${values.join(', ')})`;
}

export function auditValues(ctx: Pick<RepoContext, 'now'>, entry: AuditAppend): unknown[] {
  return [
    randomUUID(),
    ctx.now().toISOString(),
    entry.actor,
    entry.action,
    entry.app ?? null,
    entry.entity ?? null,
    entry.recordId ?? null,
    entry.definitionKind ?? null,
    entry.definitionId ?? null,
    jsonb(entry.before),
    jsonb(entry.after),
    entry.requestId ?? null,
  ];
}

export function auditRepository(ctx: RepoContext): AuditRepository {
  return {
    async append(entry: AuditAppend) {
      const rows = await ctx.sql.query<AuditRow>(`${AUDIT_INSERT} ${auditValuesSql(1)} RETURNING ${COLUMNS}`, auditValues(ctx, entry));
      return toEntry(one(rows));
    },

    async list(query: AuditListQuery): Promise<AuditPage> {
      const limit = pageLimit(query.limit);
      // Not a uuid: no entry can name it (and the cast would fail).
      if (query.recordId !== undefined && !UUID.test(query.recordId)) return { items: [], nextCursor: null };
      const params = new Params();
      const where: string[] = [];
      if (query.recordId !== undefined) where.push(`record_id = ${params.add(query.recordId, 'uuid')}`);
      if (query.app !== undefined) where.push(`app = ${params.add(query.app, 'text')}`);
      if (query.entity !== undefined) where.push(`entity = ${params.add(query.entity, 'text')}`);
      if (where.length === 0) {
        throw storageError(
          storageProblems.badFilter('', { en: 'name a record or an app', 'zh-CN': '请指定记录或应用' }),
        );
      }
      if (query.after !== undefined && query.after !== null) {
        const [seq] = decodeCursor(query.after, CURSOR_KIND, 1);
        if (seq === null || seq === undefined || !/^\d+$/.test(seq)) throw invalidCursor();
        where.push(`seq < ${params.add(seq, 'bigint')}`);
      }
      // the table's seq: the output column named seq is its text, which would sort "100" before "99"
      const rows = await ctx.sql.query<AuditRow>(
        `SELECT ${COLUMNS} FROM audit_log WHERE ${where.join(' AND ')} ORDER BY audit_log.seq DESC LIMIT ${params.add(limit + 1, 'integer')}`,
        params.values,
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toEntry),
        nextCursor: rows.length > limit && last !== undefined ? encodeCursor({ sort: CURSOR_KIND, values: [last.seq] }) : null,
      };
    },
  };
}
