import type { FlowTaskQuery, FlowTaskRepository, FlowTaskRow } from '../port-flows.js';
import type { LocalizedLabel } from '../port.js';
import { pageLimit } from '../query/limit.js';
import { keysetPage, type Keyset } from '../query/page.js';
import { Params } from '../query/params.js';
import { UUID } from '../query/filter.js';
import { iso, isoOrNull, jsonb, type RepoContext } from './context.js';

interface TaskRow {
  id: string;
  instance_id: string;
  app: string;
  flow_id: string;
  node: string;
  label: LocalizedLabel;
  kind: string;
  status: 'open' | 'closed';
  outcome: string | null;
  assignees: string[];
  entity: string;
  record_id: string | null;
  opened_at: unknown;
  closed_at: unknown;
  remind_at: unknown;
  due_at: unknown;
}

function toTask(row: TaskRow): FlowTaskRow {
  return {
    id: row.id,
    instanceId: row.instance_id,
    app: row.app,
    flowId: row.flow_id,
    node: row.node,
    label: row.label,
    kind: row.kind,
    status: row.status,
    outcome: row.outcome,
    assignees: row.assignees,
    entity: row.entity,
    recordId: row.record_id,
    openedAt: iso(row.opened_at),
    closedAt: isoOrNull(row.closed_at),
    remindAt: isoOrNull(row.remind_at),
    dueAt: isoOrNull(row.due_at),
  };
}

const COLUMNS = 'id, instance_id, app, flow_id, node, label, kind, status, outcome, assignees, entity, record_id, opened_at, closed_at, remind_at, due_at';
const KEYSET: Keyset = { kind: 'flow-tasks', from: `${COLUMNS} FROM flow_tasks`, at: 'opened_at', id: 'id', idCast: 'text', direction: '>' };

export function flowTaskRepository(ctx: RepoContext): FlowTaskRepository {
  const { sql } = ctx;
  return {
    async get(id) {
      const rows = await sql.query<TaskRow>(`SELECT ${COLUMNS} FROM flow_tasks WHERE id = $1`, [id]);
      return rows[0] === undefined ? null : toTask(rows[0]);
    },

    async list(query: FlowTaskQuery) {
      const limit = pageLimit(query.limit);
      const params = new Params();
      const where: string[] = [];
      if (query.app !== undefined) where.push(`app = ${params.add(query.app, 'text')}`);
      if (query.assignee !== undefined) where.push(`assignees @> ARRAY[${params.add(query.assignee, 'text')}]`);
      if (query.instanceId !== undefined) {
        if (!UUID.test(query.instanceId)) return { items: [], nextCursor: null };
        where.push(`instance_id = ${params.add(query.instanceId, 'uuid')}`);
      }
      if (query.flowId !== undefined) where.push(`flow_id = ${params.add(query.flowId, 'text')}`);
      if (query.status !== undefined) where.push(`status = ${params.add(query.status, 'text')}`);
      if (query.overdueAt !== undefined) where.push(`status = 'open' AND due_at < ${params.add(query.overdueAt, 'timestamptz')}`);
      return keysetPage(sql, KEYSET, where, params, { after: query.after, limit }, toTask, (t) => [t.openedAt, t.id]);
    },

    async upsert(tasks) {
      if (tasks.length === 0) return;
      // one statement for all rows: a transition touches a handful of tasks
      const params = new Params();
      const values = tasks.map((t) => `(${[
        params.add(t.id, 'text'), params.add(t.instanceId, 'uuid'), params.add(t.app, 'text'), params.add(t.flowId, 'text'),
        params.add(t.node, 'text'), params.add(jsonb(t.label), 'jsonb'), params.add(t.kind, 'text'), params.add(t.status, 'text'),
        params.add(t.outcome, 'text'), params.add([...t.assignees], 'text[]'), params.add(t.entity, 'text'), params.add(t.recordId, 'uuid'),
        params.add(t.openedAt, 'timestamptz'), params.add(t.closedAt, 'timestamptz'), params.add(t.remindAt, 'timestamptz'),
        params.add(t.dueAt, 'timestamptz'),
      ].join(', ')})`);
      await sql.query(
        `INSERT INTO flow_tasks (${COLUMNS}) VALUES ${values.join(', ')}
         ON CONFLICT (id) DO UPDATE SET node = EXCLUDED.node, status = EXCLUDED.status, outcome = EXCLUDED.outcome, assignees = EXCLUDED.assignees,
           label = EXCLUDED.label, closed_at = EXCLUDED.closed_at, remind_at = EXCLUDED.remind_at, due_at = EXCLUDED.due_at,
           record_id = EXCLUDED.record_id`,
        params.values,
      );
    },
  };
}
