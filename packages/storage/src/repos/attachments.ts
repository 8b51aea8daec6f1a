import { randomUUID } from 'node:crypto';
import type { Attachment, AttachmentLink, AttachmentRepository } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { UUID } from '../query/filter.js';
import { iso, one, withConstraints, type RepoContext } from './context.js';

interface AttachmentRow {
  id: string;
  app: string | null;
  record_id: string | null;
  field: string;
  filename: string;
  mime: string;
  size: string;
  sha256: string;
  storage_key: string;
  created_by: string;
  created_at: unknown;
}

// size is bigint: read as text so both drivers return the same type.
const COLUMNS = 'id, app, record_id, field, filename, mime, size::text AS size, sha256, storage_key, created_by, created_at';

/**
 * The UPDATE that links attachments to a record (see AttachmentRepository.link), with its
 * parameters numbered from `first`: record id, app, actor, ids. Records.create runs it in the
 * statement that inserts the record.
 */
export function linkStatement(first: number): string {
  const [record, app, actor, ids] = [first, first + 1, first + 2, first + 3];
  return `UPDATE attachments SET record_id = $${record}::uuid
    WHERE id = ANY($${ids}::uuid[]) AND record_id IS NULL AND created_by = $${actor} AND (app IS NULL OR app = $${app})`;
}

/** linkStatement's parameters; ids that are no uuid can name no attachment and are left out. */
export function linkValues(link: AttachmentLink): [string, string, string, string[]] {
  return [link.recordId, link.app, link.actor, link.ids.filter((id) => UUID.test(id))];
}

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    app: row.app,
    recordId: row.record_id,
    field: row.field,
    filename: row.filename,
    mime: row.mime,
    size: Number(row.size),
    sha256: row.sha256,
    storageKey: row.storage_key,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
  };
}

export function attachmentRepository(ctx: RepoContext): AttachmentRepository {
  const { sql } = ctx;
  const notFound = (id: string) => storageError(storageProblems.notFound('id', 'attachment', id));
  const recordMissing = (recordId: string | null | undefined) => ({
    attachments_record_id_fkey: () => storageProblems.notFound('recordId', 'record', String(recordId)),
  });
  const get = async (id: string) => {
    if (!UUID.test(id)) return null;
    const rows = await sql.query<AttachmentRow>(`SELECT ${COLUMNS} FROM attachments WHERE id = $1::uuid`, [id]);
    return rows[0] === undefined ? null : toAttachment(rows[0]);
  };
  return {
    get,
    async listByRecord(recordId) {
      if (!UUID.test(recordId)) return [];
      const rows = await sql.query<AttachmentRow>(`SELECT ${COLUMNS} FROM attachments WHERE record_id = $1::uuid ORDER BY created_at, id`, [recordId]);
      return rows.map(toAttachment);
    },
    async create(input) {
      const id = input.id ?? randomUUID();
      if (!UUID.test(id)) throw storageError(storageProblems.badId('id', id));
      if (input.recordId != null && !UUID.test(input.recordId)) throw storageError(storageProblems.badId('recordId', input.recordId));
      const rows = await withConstraints(
        sql.query<AttachmentRow>(
          `INSERT INTO attachments (id, app, record_id, field, filename, mime, size, sha256, storage_key, created_by, created_at)
           VALUES ($1::uuid, $2, $3::uuid, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz) RETURNING ${COLUMNS}`,
          [
            id,
            input.app ?? null,
            input.recordId ?? null,
            input.field,
            input.filename,
            input.mime,
            input.size,
            input.sha256,
            input.storageKey,
            input.createdBy,
            ctx.now().toISOString(),
          ],
        ),
        {
          ...recordMissing(input.recordId),
          attachments_app_fkey: () => storageProblems.notFound('app', 'app', String(input.app)),
          attachments_storage_key_key: () => storageProblems.duplicate('storageKey', input.storageKey),
          attachments_pkey: () => storageProblems.duplicate('id', id),
        },
      );
      return toAttachment(one(rows));
    },
    async attach(id, recordId) {
      if (!UUID.test(id)) throw notFound(id);
      if (!UUID.test(recordId)) throw storageError(storageProblems.notFound('recordId', 'record', recordId));
      const rows = await withConstraints(
        sql.query<AttachmentRow>(`UPDATE attachments SET record_id = $2::uuid WHERE id = $1::uuid RETURNING ${COLUMNS}`, [id, recordId]),
        recordMissing(recordId),
      );
      if (rows[0] === undefined) throw notFound(id);
      return toAttachment(rows[0]);
    },
    async link(input) {
      if (!UUID.test(input.recordId)) throw storageError(storageProblems.notFound('recordId', 'record', input.recordId));
      const values = linkValues(input);
      if (values[3].length === 0) return 0;
      const rows = await withConstraints(sql.query(`${linkStatement(1)} RETURNING id`, values), recordMissing(input.recordId));
      return rows.length;
    },
    async delete(id) {
      if (!UUID.test(id)) return;
      await sql.query('DELETE FROM attachments WHERE id = $1::uuid', [id]);
    },
  };
}
