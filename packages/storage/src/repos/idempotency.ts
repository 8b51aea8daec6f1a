import type { IdempotencyRepository, IdempotentResult } from '../port-flows.js';
import type { JsonObject } from '../port.js';
import { storageProblems } from '../problems.js';
import { iso, jsonb, one, withConstraints, type RepoContext } from './context.js';

interface KeyRow {
  actor: string;
  key: string;
  request_hash: string;
  status: number;
  response: JsonObject;
  created_at: unknown;
}

const toResult = (row: KeyRow): IdempotentResult => ({
  actor: row.actor, key: row.key, requestHash: row.request_hash, status: row.status, response: row.response, createdAt: iso(row.created_at),
});

export function idempotencyRepository(ctx: RepoContext): IdempotencyRepository {
  const { sql } = ctx;
  return {
    async get(actor, key) {
      const rows = await sql.query<KeyRow>('SELECT * FROM idempotency_keys WHERE actor = $1 AND key = $2', [actor, key]);
      return rows[0] === undefined ? null : toResult(rows[0]);
    },
    async put(input) {
      const rows = await withConstraints(
        sql.query<KeyRow>(
          `INSERT INTO idempotency_keys (actor, key, request_hash, status, response, created_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamptz) RETURNING *`,
          [input.actor, input.key, input.requestHash, input.status, jsonb(input.response), ctx.now().toISOString()],
        ),
        { idempotency_keys_pkey: () => storageProblems.duplicate('key', input.key) },
      );
      return toResult(one(rows));
    },
  };
}
