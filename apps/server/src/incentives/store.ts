/**
 * The incentive tables (migration 0004_incentives) over the storage driver. Every status change is
 * a conditional UPDATE (`WHERE status = …`), so two requests racing cannot both move a run.
 */
import { randomUUID } from 'node:crypto';
import type { Sql } from '@trellis/storage';
import type { Adjustment, IncentiveRun, RunProgramRef, RunStatus, StoredResult } from './types.js';

interface RunRow {
  id: string; app: string; period: string; requested_programs: string[] | null; program_versions: RunProgramRef[];
  context: IncentiveRun['context']; status: RunStatus; progress_done: number; progress_total: number; error: IncentiveRun['error'];
  previous_run: string | null; corrects_run: string | null; created_by: string; created_at: string | Date;
  started_at: string | Date | null; finished_at: string | Date | null; submitted_by: string | null; submitted_at: string | Date | null;
  approved_by: string | null; approved_at: string | Date | null; finalized_by: string | null; finalized_at: string | Date | null;
  approval_instance: string | null;
}

const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

function runOf(r: RunRow): IncentiveRun {
  return {
    id: r.id, app: r.app, period: r.period, requestedPrograms: r.requested_programs, programs: r.program_versions, context: r.context,
    status: r.status, progress: { done: r.progress_done, total: r.progress_total }, error: r.error,
    previousRun: r.previous_run, correctsRun: r.corrects_run, createdBy: r.created_by, createdAt: iso(r.created_at) as string,
    startedAt: iso(r.started_at), finishedAt: iso(r.finished_at), submittedBy: r.submitted_by, submittedAt: iso(r.submitted_at),
    approvedBy: r.approved_by, approvedAt: iso(r.approved_at), finalizedBy: r.finalized_by, finalizedAt: iso(r.finalized_at),
    approvalInstance: r.approval_instance,
  };
}

const RESULT_COLUMNS = `program, program_version AS "programVersion", subject, subject_record::text AS "subjectRecord", eligible,
  amount::text AS amount, currency, inputs, lines, explanation`;

export interface NewRun {
  readonly app: string;
  readonly period: string;
  readonly requestedPrograms: readonly string[] | null;
  readonly programs: readonly RunProgramRef[];
  readonly context: IncentiveRun['context'];
  readonly previousRun: string | null;
  readonly correctsRun: string | null;
  readonly actor: string;
  readonly now: Date;
}

export interface ResultFilter {
  readonly program?: string;
  readonly subject?: string;
  readonly eligible?: boolean;
  /** only results paying more than zero */
  readonly paying?: boolean;
  /** keyset: results after this (program, subject) */
  readonly after?: { readonly program: string; readonly subject: string } | null;
  readonly limit: number;
}

export function runStore(sql: Sql) {
  return {
    async get(id: string): Promise<IncentiveRun | null> {
      const rows = await sql.query<RunRow>('SELECT * FROM incentive_runs WHERE id = $1::uuid', [id]);
      return rows[0] === undefined ? null : runOf(rows[0]);
    },

    async list(app: string, period?: string): Promise<IncentiveRun[]> {
      const rows = await sql.query<RunRow>(
        `SELECT * FROM incentive_runs WHERE app = $1 AND ($2::text IS NULL OR period = $2) ORDER BY created_at DESC, id LIMIT 200`,
        [app, period ?? null]);
      return rows.map(runOf);
    },

    /** Runs of the period, newest first. */
    async ofPeriod(tx: Sql, app: string, period: string): Promise<IncentiveRun[]> {
      const rows = await tx.query<RunRow>('SELECT * FROM incentive_runs WHERE app = $1 AND period = $2 ORDER BY created_at DESC, id FOR UPDATE', [app, period]);
      return rows.map(runOf);
    },

    /** The run an approval flow instance decides on, locked; null for an instance approving no run. */
    async ofApproval(tx: Sql, instanceId: string): Promise<IncentiveRun | null> {
      const rows = await tx.query<RunRow>('SELECT * FROM incentive_runs WHERE approval_instance = $1::uuid FOR UPDATE', [instanceId]);
      return rows[0] === undefined ? null : runOf(rows[0]);
    },

    async create(tx: Sql, run: NewRun): Promise<string> {
      const id = randomUUID();
      await tx.query(
        `INSERT INTO incentive_runs (id, app, period, requested_programs, program_versions, context, status, previous_run, corrects_run,
           created_by, created_at, started_at)
         VALUES ($1, $2, $3, $4::text[], $5::jsonb, $6::jsonb, 'running', $7::uuid, $8::uuid, $9, $10, $10)`,
        [id, run.app, run.period, run.requestedPrograms, JSON.stringify(run.programs), JSON.stringify(run.context), run.previousRun,
          run.correctsRun, run.actor, run.now.toISOString()]);
      return id;
    },

    async deleteRun(tx: Sql, id: string): Promise<void> {
      await tx.query('DELETE FROM incentive_runs WHERE id = $1::uuid', [id]);
    },

    async setTotal(id: string, total: number, now: Date): Promise<void> {
      await sql.query('UPDATE incentive_runs SET progress_total = $2, heartbeat_at = $3 WHERE id = $1::uuid', [id, total, now.toISOString()]);
    },

    /** Running runs whose computation has not reported since `before` lost their process: failed (replaceable). */
    async abandon(tx: Sql, app: string, period: string, before: Date): Promise<void> {
      await tx.query(
        `UPDATE incentive_runs SET status = 'failed' WHERE app = $1 AND period = $2 AND status = 'running'
           AND COALESCE(heartbeat_at, started_at) < $3`, [app, period, before.toISOString()]);
    },

    /** Adds to the progress and beats the heart; answers whether a cancel was asked for meanwhile. */
    async advance(id: string, done: number, now: Date): Promise<boolean> {
      const rows = await sql.query<{ cancel_requested: boolean }>(
        'UPDATE incentive_runs SET progress_done = progress_done + $2, heartbeat_at = $3 WHERE id = $1::uuid RETURNING cancel_requested',
        [id, done, now.toISOString()]);
      return rows[0]?.cancel_requested ?? true;
    },

    async requestCancel(id: string): Promise<boolean> {
      const rows = await sql.query(`UPDATE incentive_runs SET cancel_requested = true WHERE id = $1::uuid AND status = 'running' RETURNING id`, [id]);
      return rows.length > 0;
    },

    /** Moves the run from one status to another; false when it was not in `from`. */
    async transition(tx: Sql, id: string, from: readonly RunStatus[], to: RunStatus, set: Record<string, unknown> = {}): Promise<boolean> {
      const columns = Object.keys(set);
      const assignments = columns.map((c, i) => `, ${c} = $${i + 4}`).join('');
      const rows = await tx.query(
        `UPDATE incentive_runs SET status = $2${assignments} WHERE id = $1::uuid AND status = ANY($3::text[]) RETURNING id`,
        [id, to, from, ...columns.map((c) => set[c])]);
      return rows.length > 0;
    },

    async insertResults(runId: string, results: readonly StoredResult[]): Promise<void> {
      if (results.length === 0) return;
      await sql.query(
        `INSERT INTO incentive_results (run_id, program, program_version, subject, subject_record, eligible, amount, currency, inputs, lines, explanation)
         SELECT $1::uuid, r.program, r."programVersion", r.subject, r."subjectRecord"::uuid, r.eligible, r.amount::numeric, r.currency, r.inputs,
           r.lines, r.explanation
         FROM jsonb_to_recordset($2::jsonb) AS r(program text, "programVersion" int, subject text, "subjectRecord" text, eligible boolean,
           amount text, currency text, inputs jsonb, lines jsonb, explanation jsonb)`,
        [runId, JSON.stringify(results)]);
    },

    /** Replaces results (the program cap's second pass). */
    async updateResults(runId: string, results: readonly Pick<StoredResult, 'program' | 'subject' | 'amount' | 'lines' | 'explanation'>[]): Promise<void> {
      if (results.length === 0) return;
      await sql.query(
        `UPDATE incentive_results t SET amount = r.amount::numeric, lines = r.lines, explanation = r.explanation
         FROM jsonb_to_recordset($2::jsonb) AS r(program text, subject text, amount text, lines jsonb, explanation jsonb)
         WHERE t.run_id = $1::uuid AND t.program = r.program AND t.subject = r.subject`,
        [runId, JSON.stringify(results)]);
    },

    async deleteResults(runId: string): Promise<void> {
      await sql.query('DELETE FROM incentive_results WHERE run_id = $1::uuid', [runId]);
    },

    async programTotal(runId: string, program: string): Promise<string> {
      const rows = await sql.query<{ total: string }>(
        'SELECT COALESCE(sum(amount), 0)::text AS total FROM incentive_results WHERE run_id = $1::uuid AND program = $2', [runId, program]);
      return rows[0]?.total ?? '0';
    },

    async results(runId: string, filter: ResultFilter): Promise<StoredResult[]> {
      const params: unknown[] = [runId];
      const where = ['run_id = $1::uuid'];
      const p = (v: unknown) => `$${params.push(v)}`;
      if (filter.program !== undefined) where.push(`program = ${p(filter.program)}`);
      if (filter.subject !== undefined) where.push(`subject = ${p(filter.subject)}`);
      if (filter.eligible !== undefined) where.push(`eligible = ${p(filter.eligible)}`);
      if (filter.paying === true) where.push('amount > 0');
      if (filter.after) where.push(`(program, subject) > (${p(filter.after.program)}, ${p(filter.after.subject)})`);
      return sql.query<StoredResult>(
        `SELECT ${RESULT_COLUMNS} FROM incentive_results WHERE ${where.join(' AND ')} ORDER BY program, subject LIMIT ${p(filter.limit)}`, params);
    },

    /** The results of some subjects (statements, calculator checks), by subject then program. */
    async resultsOf(runId: string, subjects: readonly string[]): Promise<StoredResult[]> {
      return sql.query<StoredResult>(
        `SELECT ${RESULT_COLUMNS} FROM incentive_results WHERE run_id = $1::uuid AND subject = ANY($2::text[]) ORDER BY subject, program`,
        [runId, subjects]);
    },

    /** Adjustment lines: what `runId` owes beyond what the final run `corrects` paid, per program and subject. */
    async writeAdjustments(runId: string, corrects: string): Promise<number> {
      // counted in the database: RETURNING a row per line would bring every line into memory
      const rows = await sql.query<{ n: string }>(
        `WITH written AS (INSERT INTO incentive_adjustments (run_id, corrects_run, program, subject, paid, due, amount)
         SELECT $1::uuid, $2::uuid, COALESCE(n.program, o.program), COALESCE(n.subject, o.subject),
           COALESCE(o.amount, 0), COALESCE(n.amount, 0), COALESCE(n.amount, 0) - COALESCE(o.amount, 0)
         FROM (SELECT program, subject, amount FROM incentive_results WHERE run_id = $1::uuid) n
         FULL JOIN (SELECT program, subject, amount FROM incentive_results WHERE run_id = $2::uuid) o
           ON n.program = o.program AND n.subject = o.subject
         WHERE COALESCE(n.amount, 0) <> COALESCE(o.amount, 0)
         RETURNING 1) SELECT count(*)::text AS n FROM written`, [runId, corrects]);
      return Number(rows[0]?.n ?? 0);
    },

    /** Per program: how many results, how many pay, and the total paid. */
    async totals(runId: string): Promise<{ program: string; currency: string; results: number; paying: number; amount: string }[]> {
      const rows = await sql.query<{ program: string; currency: string; results: string; paying: string; amount: string }>(
        `SELECT program, currency, count(*)::text AS results, count(*) FILTER (WHERE amount > 0)::text AS paying, sum(amount)::text AS amount
         FROM incentive_results WHERE run_id = $1::uuid GROUP BY program, currency ORDER BY program, currency`, [runId]);
      return rows.map((r) => ({ ...r, results: Number(r.results), paying: Number(r.paying) }));
    },

    /** The run's adjustment lines in (program, subject) order, a page at a time (keyset after `after`). */
    async adjustments(runId: string, page: Pick<ResultFilter, 'after' | 'limit'> = { limit: 10000 }): Promise<Adjustment[]> {
      const after = page.after ?? null;
      return sql.query<Adjustment>(
        `SELECT program, subject, paid::text AS paid, due::text AS due, amount::text AS amount FROM incentive_adjustments
         WHERE run_id = $1::uuid AND ($3::text IS NULL OR (program, subject) > ($3, $4)) ORDER BY program, subject LIMIT $2`,
        [runId, page.limit, after?.program ?? null, after?.subject ?? null]);
    },
  };
}

export type RunStore = ReturnType<typeof runStore>;
