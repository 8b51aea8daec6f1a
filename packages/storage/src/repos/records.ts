import { randomUUID } from 'node:crypto';
import type { AuditAppend, AuditRepository, JsonObject, RecordCreate, RecordQuery, RecordRepository, RecordUpdate, StoredRecord, WriteContext } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { UUID } from '../query/filter.js';
import { listStatement, RECORD_COLUMNS } from '../query/list.js';
import { Params } from '../query/params.js';
import { recordWhere } from '../query/where.js';
import { linkStatement, linkValues } from './attachments.js';
import { AUDIT_INSERT, auditValues, auditValuesSql } from './audit.js';
import { iso, jsonb, one, withConstraints, type RepoContext } from './context.js';

interface RecordRow {
  id: string;
  app: string;
  entity: string;
  definition_version: number;
  owner: string | null;
  partner_org: string | null;
  created_by: string;
  created_at: unknown;
  updated_by: string;
  updated_at: unknown;
  revision: number;
  data: JsonObject;
}

function toRecord(row: RecordRow): StoredRecord {
  return {
    id: row.id,
    app: row.app,
    entity: row.entity,
    definitionVersion: row.definition_version,
    owner: row.owner,
    partnerOrg: row.partner_org,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at),
    revision: row.revision,
    data: row.data,
  };
}

const SELECT = `${RECORD_COLUMNS}, data`;

type Audit = Pick<AuditRepository, 'append'>;

function auditEntry(action: string, by: WriteContext, record: StoredRecord, before: StoredRecord | null, after: StoredRecord | null): AuditAppend {
  return {
    action,
    actor: by.actor,
    requestId: by.requestId ?? null,
    app: record.app,
    entity: record.entity,
    recordId: record.id,
    before: before as unknown as JsonObject | null,
    after: after as unknown as JsonObject | null,
  };
}

function auditOf(audit: Audit, action: string, by: WriteContext, record: StoredRecord, before: StoredRecord | null, after: StoredRecord | null) {
  return audit.append(auditEntry(action, by, record, before, after));
}

/** Records, each write with its audit entry; `audit` must run on the same transaction. */
export function recordRepository(ctx: RepoContext, audit: Audit): RecordRepository {
  const { sql } = ctx;

  /** The current row, locked for the rest of the transaction; checks the expected revision. */
  async function lockForWrite(id: string, expectedRevision: number): Promise<StoredRecord> {
    const rows = UUID.test(id) ? await sql.query<RecordRow>(`SELECT ${SELECT} FROM records WHERE id = $1::uuid FOR UPDATE`, [id]) : [];
    const row = rows[0];
    if (row === undefined) throw storageError(storageProblems.notFound('id', 'record', id));
    if (row.revision !== expectedRevision) throw storageError(storageProblems.conflict('revision', expectedRevision, row.revision));
    return toRecord(row);
  }

  return {
    async get(id: string, where?: RecordQuery) {
      if (!UUID.test(id)) return null;
      const params = new Params([id]);
      const extra = where === undefined ? '' : ` AND ${recordWhere(where, params)}`;
      const rows = await sql.query<RecordRow>(`SELECT ${SELECT} FROM records WHERE id = $1::uuid${extra}`, params.values);
      return rows[0] === undefined ? null : toRecord(rows[0]);
    },

    async list(query) {
      const statement = listStatement(query);
      const rows = await sql.query<RecordRow & Record<string, string | null>>(statement.text, statement.params);
      const page = rows.slice(0, statement.limit);
      const last = page.at(-1);
      const more = rows.length > statement.limit && last !== undefined;
      return {
        items: page.map(toRecord),
        nextCursor: more ? statement.cursor(Array.from({ length: statement.sortCount }, (_, i) => last[`s${i}`] ?? null)) : null,
      };
    },

    async count(query) {
      const params = new Params();
      const rows = await sql.query<{ n: number }>(`SELECT count(*)::integer AS n FROM records WHERE ${recordWhere(query, params)}`, params.values);
      return one(rows).n;
    },

    async create(input: RecordCreate) {
      const id = input.id ?? randomUUID();
      if (!UUID.test(id)) throw storageError(storageProblems.badId('id', id));
      const at = ctx.now().toISOString();
      const record: StoredRecord = {
        id, app: input.app, entity: input.entity, definitionVersion: input.definitionVersion, owner: input.owner ?? null,
        partnerOrg: input.partnerOrg ?? null, createdBy: input.actor, createdAt: at, updatedBy: input.actor, updatedAt: at, revision: 1, data: input.data,
      };
      // One statement, so the record, its audit entry and the links of its attachments are atomic
      // even outside a transaction (a data-modifying WITH always runs; a failing insert fails all).
      // the audit entry's `after` is the record; its data comes from $9 (see auditValuesSql)
      const audited = auditValues(ctx, auditEntry('record.create', input, record, null, { ...record, data: {} }));
      const link = linkValues({ ids: input.attachmentIds ?? [], recordId: id, app: input.app, actor: input.actor });
      const linking = link[3].length > 0;
      // the stored record is `record` itself: nothing comes back but the id, no document to parse
      await withConstraints(
        sql.query(
          `WITH created AS (
             INSERT INTO records (id, app, entity, definition_version, owner, partner_org, created_by, created_at, updated_by, updated_at, revision, data)
             VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8::timestamptz, $7, $8::timestamptz, 1, $9::jsonb) RETURNING id
           ), audited AS (${AUDIT_INSERT} ${auditValuesSql(10, 9)})
           ${linking ? `, linked AS (${linkStatement(10 + audited.length)})` : ''}
           SELECT id FROM created`,
          [
            id, input.app, input.entity, input.definitionVersion, record.owner, record.partnerOrg, input.actor, at, jsonb(input.data),
            ...audited, ...(linking ? link : []),
          ],
          // the hottest write: its two texts (with and without files to link) are prepared once per connection
          linking ? 'trellis_record_create_linked' : 'trellis_record_create',
        ),
        {
          records_app_fkey: () => storageProblems.notFound('app', 'app', input.app),
          records_pkey: () => storageProblems.duplicate('id', id),
        },
      );
      return record;
    },

    async update(input: RecordUpdate) {
      const before = await lockForWrite(input.id, input.expectedRevision);
      const rows = await sql.query<RecordRow>(
        `UPDATE records SET data = $2::jsonb, definition_version = $3, owner = $4, partner_org = $5,
           updated_by = $6, updated_at = $7::timestamptz, revision = revision + 1
         WHERE id = $1::uuid RETURNING ${SELECT}`,
        [
          input.id,
          jsonb(input.data),
          input.definitionVersion ?? before.definitionVersion,
          input.owner === undefined ? before.owner : input.owner,
          input.partnerOrg === undefined ? before.partnerOrg : input.partnerOrg,
          input.actor,
          ctx.now().toISOString(),
        ],
      );
      const after = toRecord(one(rows));
      await auditOf(audit, 'record.update', input, after, before, after);
      return after;
    },

    async delete(input) {
      const before = await lockForWrite(input.id, input.expectedRevision);
      await sql.query('DELETE FROM records WHERE id = $1::uuid', [input.id]);
      await auditOf(audit, 'record.delete', input, before, before, null);
    },
  };
}
