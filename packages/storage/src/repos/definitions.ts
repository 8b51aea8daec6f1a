import type {
  AuditRepository,
  DefinitionDraft,
  DefinitionKey,
  DefinitionRepository,
  DefinitionSummary,
  DefinitionVersion,
  DefinitionVersionSummary,
  JsonObject,
  WriteContext,
} from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { contentHash, iso, isoOrNull, jsonb, one, withConstraints, type RepoContext } from './context.js';
import { versionCacheKey } from './version-cache.js';

interface VersionRow {
  app: string;
  kind: string;
  id: string;
  version: number;
  body?: JsonObject;
  content_hash: string;
  published_at: unknown;
  published_by: string;
}

interface DraftRow {
  app: string;
  kind: string;
  id: string;
  body: JsonObject;
  based_on: number | null;
  updated_at: unknown;
  updated_by: string;
}

const SUMMARY = 'app, kind, id, version, content_hash, published_at, published_by';

function toSummary(row: VersionRow): DefinitionVersionSummary {
  return {
    app: row.app,
    kind: row.kind,
    id: row.id,
    version: row.version,
    contentHash: row.content_hash,
    publishedAt: iso(row.published_at),
    publishedBy: row.published_by,
  };
}

function toVersion(row: VersionRow): DefinitionVersion {
  return { ...toSummary(row), body: row.body ?? {} };
}

function toDraft(row: DraftRow): DefinitionDraft {
  return {
    app: row.app,
    kind: row.kind,
    id: row.id,
    body: row.body,
    basedOn: row.based_on,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/**
 * An expression for DefinitionReader.publishedFingerprint. Versions are only ever inserted, so
 * their count grows with every publish; the latest publish time also moves when an app's versions
 * were removed (with the app) and as many published again.
 */
export const PUBLISHED_FINGERPRINT = `(SELECT count(*) || '/' || coalesce(max(published_at)::text, '') FROM definition_versions)`;

const KEY = 'app = $1 AND kind = $2 AND id = $3';
const keyParams = (k: DefinitionKey) => [k.app, k.kind, k.id];

/** Drafts are mutable; versions are only ever inserted, numbered 1, 2, … per definition. */
export function definitionRepository(ctx: RepoContext, audit: Pick<AuditRepository, 'append'>): DefinitionRepository {
  const { sql } = ctx;
  const appMissing = (app: string) => ({
    definition_drafts_app_fkey: () => storageProblems.notFound('app', 'app', app),
    definition_versions_app_fkey: () => storageProblems.notFound('app', 'app', app),
  });

  function audited(action: string, key: DefinitionKey, by: WriteContext, before: JsonObject | null, after: JsonObject | null) {
    return audit.append({
      action,
      actor: by.actor,
      requestId: by.requestId ?? null,
      app: key.app,
      definitionKind: key.kind,
      definitionId: key.id,
      before,
      after,
    });
  }

  async function latest(key: DefinitionKey): Promise<DefinitionVersion | null> {
    const rows = await sql.query<VersionRow>(
      `SELECT ${SUMMARY}, body FROM definition_versions WHERE ${KEY} ORDER BY version DESC LIMIT 1`,
      keyParams(key),
    );
    return rows[0] === undefined ? null : toVersion(rows[0]);
  }

  async function draftOf(key: DefinitionKey, forUpdate: boolean): Promise<DefinitionDraft | null> {
    const rows = await sql.query<DraftRow>(
      `SELECT * FROM definition_drafts WHERE ${KEY}${forUpdate ? ' FOR UPDATE' : ''}`,
      keyParams(key),
    );
    return rows[0] === undefined ? null : toDraft(rows[0]);
  }

  return {
    getDraft: (key) => draftOf(key, false),
    getPublished: (key) => latest(key),

    async getVersion(key) {
      const cacheKey = versionCacheKey(key.app, key.kind, key.id, key.version);
      const known = ctx.versions?.get(cacheKey);
      if (known !== undefined) return known;
      const rows = await sql.query<VersionRow>(`SELECT ${SUMMARY}, body FROM definition_versions WHERE ${KEY} AND version = $4`, [
        ...keyParams(key),
        key.version,
      ]);
      if (rows[0] === undefined) return null;
      const found = toVersion(rows[0]);
      ctx.versions?.remember(cacheKey, found);
      return found;
    },

    async listVersions(key) {
      const rows = await sql.query<VersionRow>(`SELECT ${SUMMARY} FROM definition_versions WHERE ${KEY} ORDER BY version`, keyParams(key));
      return rows.map(toSummary);
    },

    async listDefinitions(app, kind) {
      const rows = await sql.query<{
        kind: string;
        id: string;
        version: number | null;
        content_hash: string | null;
        published_at: unknown;
        has_draft: boolean;
      }>(
        `WITH keys AS (
           SELECT kind, id FROM definition_drafts WHERE app = $1 AND ($2::text IS NULL OR kind = $2)
           UNION SELECT kind, id FROM definition_versions WHERE app = $1 AND ($2::text IS NULL OR kind = $2)
         )
         SELECT k.kind, k.id, v.version, v.content_hash, v.published_at,
                EXISTS (SELECT 1 FROM definition_drafts d WHERE d.app = $1 AND d.kind = k.kind AND d.id = k.id) AS has_draft
         FROM keys k
         LEFT JOIN LATERAL (
           SELECT version, content_hash, published_at FROM definition_versions
           WHERE app = $1 AND kind = k.kind AND id = k.id ORDER BY version DESC LIMIT 1
         ) v ON TRUE
         ORDER BY k.kind, k.id`,
        [app, kind ?? null],
      );
      return rows.map(
        (r): DefinitionSummary => ({
          app,
          kind: r.kind,
          id: r.id,
          latestVersion: r.version,
          contentHash: r.content_hash,
          publishedAt: isoOrNull(r.published_at),
          hasDraft: r.has_draft,
        }),
      );
    },

    async listPublished(app, kind) {
      const rows = await sql.query<VersionRow>(
        `SELECT DISTINCT ON (kind, id) ${SUMMARY}, body FROM definition_versions
         WHERE app = $1 AND ($2::text IS NULL OR kind = $2) ORDER BY kind, id, version DESC`,
        [app, kind ?? null],
      );
      return rows.map(toVersion);
    },

    async publishedFingerprint() {
      const rows = await sql.query<{ fingerprint: string }>(`SELECT ${PUBLISHED_FINGERPRINT} AS fingerprint`);
      return one(rows).fingerprint;
    },

    async saveDraft(input) {
      const before = await draftOf(input, true);
      const basedOn = before?.basedOn ?? (await latest(input))?.version ?? null;
      const rows = await withConstraints(
        sql.query<DraftRow>(
          `INSERT INTO definition_drafts (app, kind, id, body, based_on, updated_at, updated_by)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6::timestamptz, $7)
           ON CONFLICT (app, kind, id) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
           RETURNING *`,
          [...keyParams(input), jsonb(input.body), basedOn, ctx.now().toISOString(), input.actor],
        ),
        appMissing(input.app),
      );
      await audited('definition.draft', input, input, before?.body ?? null, input.body);
      return toDraft(one(rows));
    },

    async discardDraft(input) {
      const rows = await sql.query<DraftRow>(`DELETE FROM definition_drafts WHERE ${KEY} RETURNING *`, keyParams(input));
      const removed = rows[0];
      if (removed === undefined) throw storageError(storageProblems.notFound('id', 'draft', `${input.kind}/${input.id}`));
      await audited('definition.discard', input, input, removed.body, null);
    },

    async publish(input) {
      // The draft row lock serialises two publishers of one draft; for direct publishes the version
      // primary key does, and the loser gets STORAGE_CONFLICT.
      const draft = input.body === undefined ? await draftOf(input, true) : null;
      const body = input.body ?? draft?.body;
      if (body === undefined) throw storageError(storageProblems.notFound('id', 'draft', `${input.kind}/${input.id}`));
      const hash = contentHash(body);
      const current = await latest(input);
      if (draft !== null) await sql.query(`DELETE FROM definition_drafts WHERE ${KEY}`, keyParams(input));
      if (current !== null && current.contentHash === hash) return { ...current, created: false };
      const rows = await withConstraints(
        sql.query<VersionRow>(
          `INSERT INTO definition_versions (app, kind, id, version, body, content_hash, published_at, published_by)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::timestamptz, $8) RETURNING ${SUMMARY}, body`,
          [...keyParams(input), (current?.version ?? 0) + 1, jsonb(body), hash, ctx.now().toISOString(), input.actor],
        ),
        {
          ...appMissing(input.app),
          definition_versions_pkey: () => storageProblems.conflict('version', (current?.version ?? 0) + 1, (current?.version ?? 0) + 2),
        },
      );
      const version = toVersion(one(rows));
      ctx.sessionLookupChanged?.();
      await audited('definition.publish', input, input, current?.body ?? null, body);
      return { ...version, created: true };
    },
  };
}
