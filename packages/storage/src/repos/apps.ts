import type { App, AppRepository, AuditRepository, LocalizedLabel } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { iso, jsonb, one, withConstraints, type RepoContext } from './context.js';

interface AppRow {
  id: string;
  label: LocalizedLabel;
  template_version: string | null;
  template_hash: string | null;
  created_at: unknown;
  created_by: string;
  updated_at: unknown;
  updated_by: string;
}

function toApp(row: AppRow): App {
  return {
    id: row.id,
    label: row.label,
    templateVersion: row.template_version,
    templateHash: row.template_hash,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export function appRepository(ctx: RepoContext, audit: Pick<AuditRepository, 'append'>): AppRepository {
  const { sql } = ctx;
  const get = async (id: string) => {
    const rows = await sql.query<AppRow>('SELECT * FROM apps WHERE id = $1', [id]);
    return rows[0] === undefined ? null : toApp(rows[0]);
  };
  return {
    get,
    async list() {
      return (await sql.query<AppRow>('SELECT * FROM apps ORDER BY id')).map(toApp);
    },
    async create(input) {
      const at = ctx.now().toISOString();
      const rows = await withConstraints(
        sql.query<AppRow>(
          `INSERT INTO apps (id, label, template_version, template_hash, created_at, created_by, updated_at, updated_by)
           VALUES ($1, $2::jsonb, $3, $4, $5::timestamptz, $6, $5::timestamptz, $6) RETURNING *`,
          [input.id, jsonb(input.label), input.templateVersion ?? null, input.templateHash ?? null, at, input.actor],
        ),
        { apps_pkey: () => storageProblems.duplicate('id', input.id) },
      );
      const app = toApp(one(rows));
      await audit.append({ action: 'app.create', actor: input.actor, requestId: input.requestId ?? null, app: app.id, after: { ...app } });
      return app;
    },
    async update(input) {
      const before = await get(input.id);
      if (before === null) throw storageError(storageProblems.notFound('id', 'app', input.id));
      const rows = await sql.query<AppRow>(
        `UPDATE apps SET label = $2::jsonb, template_version = $3, template_hash = $4, updated_at = $5::timestamptz, updated_by = $6
         WHERE id = $1 RETURNING *`,
        [
          input.id,
          jsonb(input.label ?? before.label),
          input.templateVersion === undefined ? before.templateVersion : input.templateVersion,
          input.templateHash === undefined ? before.templateHash : input.templateHash,
          ctx.now().toISOString(),
          input.actor,
        ],
      );
      const app = toApp(one(rows));
      await audit.append({ action: 'app.update', actor: input.actor, requestId: input.requestId ?? null, app: app.id, before: { ...before }, after: { ...app } });
      return app;
    },
  };
}
