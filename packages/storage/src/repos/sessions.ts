import type { Session, SessionRepository } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { UUID } from '../query/filter.js';
import { iso, one, withConstraints, type RepoContext } from './context.js';
import { PUBLISHED_FINGERPRINT } from './definitions.js';
import { toUser, type UserRow } from './users.js';

interface SessionRow {
  token_hash: string;
  user_id: string;
  created_at: unknown;
  expires_at: unknown;
}

const FROM_SESSION = 'FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2::timestamptz';

function toSession(row: SessionRow): Session {
  return { tokenHash: row.token_hash, userId: row.user_id, createdAt: iso(row.created_at), expiresAt: iso(row.expires_at) };
}

export function sessionRepository(ctx: RepoContext): SessionRepository {
  const { sql } = ctx;
  return {
    async get(tokenHash) {
      const rows = await sql.query<SessionRow>('SELECT * FROM sessions WHERE token_hash = $1 AND expires_at > $2::timestamptz', [
        tokenHash,
        ctx.now().toISOString(),
      ]);
      return rows[0] === undefined ? null : toSession(rows[0]);
    },
    async userOf(tokenHash) {
      const rows = await sql.query<UserRow>(`SELECT u.* ${FROM_SESSION}`, [tokenHash, ctx.now().toISOString()]);
      return rows[0] === undefined ? null : toUser(rows[0]);
    },
    async lookup(tokenHash) {
      const now = ctx.now();
      const read = async () => {
        const rows = await sql.query<UserRow & { published_fingerprint: string; session_expires_at: unknown }>(
          `SELECT u.*, s.expires_at AS session_expires_at, ${PUBLISHED_FINGERPRINT} AS published_fingerprint ${FROM_SESSION}`,
          [tokenHash, now.toISOString()],
        );
        const row = rows[0];
        if (row === undefined) return null;
        const found = { user: toUser(row), publishedFingerprint: row.published_fingerprint };
        return { found, expiresAt: new Date(iso(row.session_expires_at)) };
      };
      return ctx.sessionCache === undefined ? ((await read())?.found ?? null) : ctx.sessionCache.lookup(tokenHash, now, read);
    },
    async create(input) {
      if (!UUID.test(input.userId)) throw storageError(storageProblems.notFound('userId', 'user', input.userId));
      const rows = await withConstraints(
        sql.query<SessionRow>(
          `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2::uuid, $3::timestamptz, $4::timestamptz) RETURNING *`,
          [input.tokenHash, input.userId, ctx.now().toISOString(), iso(input.expiresAt)],
        ),
        {
          sessions_user_id_fkey: () => storageProblems.notFound('userId', 'user', input.userId),
          sessions_pkey: () => storageProblems.duplicate('tokenHash', input.tokenHash),
        },
      );
      return toSession(one(rows));
    },
    async delete(tokenHash) {
      await sql.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
      ctx.sessionLookupChanged?.();
    },
    async deleteForUser(userId) {
      if (!UUID.test(userId)) return 0;
      const deleted = (await sql.query('DELETE FROM sessions WHERE user_id = $1::uuid RETURNING token_hash', [userId])).length;
      ctx.sessionLookupChanged?.();
      return deleted;
    },
    async deleteExpired(now) {
      const at = (now ?? ctx.now()).toISOString();
      const deleted = (await sql.query('DELETE FROM sessions WHERE expires_at <= $1::timestamptz RETURNING token_hash', [at])).length;
      ctx.sessionLookupChanged?.();
      return deleted;
    },
  };
}
