import type {
  FlowInstance, FlowInstanceQuery, FlowInstanceRepository, FlowInstanceStatus, FlowInstanceWrite,
} from '../port-flows.js';
import type { JsonObject } from '../port.js';
import { storageError, storageProblems } from '../problems.js';
import { UUID } from '../query/filter.js';
import { pageLimit } from '../query/limit.js';
import { keysetPage, type Keyset } from '../query/page.js';
import { Params } from '../query/params.js';
import { iso, isoOrNull, jsonb, one, type RepoContext } from './context.js';

interface InstanceRow {
  id: string;
  app: string;
  flow_id: string;
  flow_version: number;
  entity: string;
  record_id: string | null;
  status: FlowInstanceStatus;
  outcome: string | null;
  state: JsonObject;
  created_records: Record<string, string>;
  revision: number;
  started_by: string;
  started_at: unknown;
  updated_at: unknown;
  ended_at: unknown;
  due_at: unknown;
}

function toInstance(row: InstanceRow): FlowInstance {
  return {
    id: row.id,
    app: row.app,
    flowId: row.flow_id,
    flowVersion: row.flow_version,
    entity: row.entity,
    recordId: row.record_id,
    status: row.status,
    outcome: row.outcome,
    state: row.state,
    createdRecords: row.created_records,
    revision: row.revision,
    startedBy: row.started_by,
    startedAt: iso(row.started_at),
    updatedAt: iso(row.updated_at),
    endedAt: isoOrNull(row.ended_at),
    dueAt: isoOrNull(row.due_at),
  };
}

const KEYSET: Keyset = { kind: 'flow-instances', from: '* FROM flow_instances', at: 'started_at', id: 'id', idCast: 'uuid', direction: '<' };

export function flowInstanceRepository(ctx: RepoContext): FlowInstanceRepository {
  const { sql } = ctx;
  const select = async (id: string, lock: boolean) => {
    if (!UUID.test(id)) return null;
    const rows = await sql.query<InstanceRow>(`SELECT * FROM flow_instances WHERE id = $1::uuid${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] === undefined ? null : toInstance(rows[0]);
  };
  return {
    get: (id) => select(id, false),
    lock: (id) => select(id, true),

    async list(query: FlowInstanceQuery) {
      const limit = pageLimit(query.limit);
      const params = new Params();
      const where = [`app = ${params.add(query.app, 'text')}`];
      if (query.flowId !== undefined) where.push(`flow_id = ${params.add(query.flowId, 'text')}`);
      if (query.status !== undefined) where.push(`status = ${params.add(query.status, 'text')}`);
      if (query.recordId !== undefined) {
        if (!UUID.test(query.recordId)) return { items: [], nextCursor: null };
        where.push(`record_id = ${params.add(query.recordId, 'uuid')}`);
      }
      if (query.overdueAt !== undefined) where.push(`status = 'running' AND due_at < ${params.add(query.overdueAt, 'timestamptz')}`);
      return keysetPage(sql, KEYSET, where, params, { after: query.after, limit }, toInstance, (i) => [i.startedAt, i.id]);
    },

    async create(input) {
      const at = ctx.now().toISOString();
      const rows = await sql.query<InstanceRow>(
        `INSERT INTO flow_instances (id, app, flow_id, flow_version, entity, record_id, status, outcome, state, created_records, revision,
           started_by, started_at, updated_at, ended_at, due_at)
         VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid, $7, $8, $9::jsonb, $10::jsonb, 1, $11, $12::timestamptz, $12::timestamptz, $13::timestamptz, $14::timestamptz)
         RETURNING *`,
        [
          input.id, input.app, input.flowId, input.flowVersion, input.entity, input.recordId, input.status, input.outcome,
          jsonb(input.state), jsonb(input.createdRecords), input.startedBy, at, input.endedAt, input.dueAt,
        ],
      );
      return toInstance(one(rows));
    },

    async update(input: { id: string; expectedRevision: number } & FlowInstanceWrite) {
      const rows = await sql.query<InstanceRow>(
        `UPDATE flow_instances SET status = $3, outcome = $4, state = $5::jsonb, created_records = $6::jsonb, due_at = $7::timestamptz,
           ended_at = $8::timestamptz, flow_version = COALESCE($9, flow_version), revision = revision + 1, updated_at = $10::timestamptz
         WHERE id = $1::uuid AND revision = $2 RETURNING *`,
        [
          input.id, input.expectedRevision, input.status, input.outcome, jsonb(input.state), jsonb(input.createdRecords), input.dueAt,
          input.endedAt, input.flowVersion ?? null, ctx.now().toISOString(),
        ],
      );
      if (rows[0] !== undefined) return toInstance(rows[0]);
      const current = await select(input.id, false);
      if (current === null) throw storageError(storageProblems.notFound('id', 'flow instance', input.id));
      throw storageError(storageProblems.conflict('revision', input.expectedRevision, current.revision));
    },

    async runningForRecord(recordId) {
      if (!UUID.test(recordId)) return [];
      const rows = await sql.query<{ id: string }>(
        `SELECT id FROM flow_instances WHERE record_id = $1::uuid AND status = 'running' ORDER BY started_at, id`,
        [recordId],
      );
      return rows.map((r) => r.id);
    },
  };
}
