/**
 * What changed between a run and the run before it (the draft it replaced, or the final run it
 * corrects), per program and subject, and why: the subject was added or dropped, its eligibility,
 * the program version, the metric inputs, the derived values (a table row that now matches
 * another), or the caps changed. Only results whose amount, inputs or eligibility differ are
 * listed, page by page in (program, subject) order.
 */
import { TrellisError } from '@trellis/errors';
import type { JsonValue, Sql } from '@trellis/storage';
import { runProblems } from './problems.js';
import { runStore } from './store.js';

export interface DiffReason {
  readonly kind: 'added' | 'removed' | 'eligibility' | 'version' | 'input' | 'derived' | 'caps';
  /** the metric or derived value that changed */
  readonly id?: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

export interface DiffEntry {
  readonly program: string;
  readonly subject: string;
  readonly before: string | null;
  readonly after: string | null;
  /** after − before (a missing side counts 0) */
  readonly change: string;
  readonly reasons: DiffReason[];
}

interface Side { amount: string; eligible: boolean; version: number; inputs: Record<string, JsonValue>; explanation: Explanation }
interface Explanation { derived?: { id: string; value: JsonValue; table?: { rows?: JsonValue } }[]; caps?: JsonValue[] }
interface Row { program: string; subject: string; change: string; a: Side | null; b: Side | null }

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

function reasons(before: Side | null, after: Side | null): DiffReason[] {
  if (before === null) return [{ kind: 'added' }];
  if (after === null) return [{ kind: 'removed' }];
  const out: DiffReason[] = [];
  if (before.eligible !== after.eligible) out.push({ kind: 'eligibility', before: before.eligible, after: after.eligible });
  if (before.version !== after.version) out.push({ kind: 'version', before: before.version, after: after.version });
  for (const id of new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)])) {
    if (!same(before.inputs[id], after.inputs[id])) out.push({ kind: 'input', id, before: before.inputs[id] ?? null, after: after.inputs[id] ?? null });
  }
  const derivedBefore = new Map((before.explanation.derived ?? []).map((d) => [d.id, d]));
  for (const d of after.explanation.derived ?? []) {
    const old = derivedBefore.get(d.id);
    if (old === undefined || !same(old.value, d.value) || !same(old.table?.rows, d.table?.rows)) {
      out.push({ kind: 'derived', id: d.id, before: old?.value ?? null, after: d.value });
    }
  }
  if (!same(before.explanation.caps ?? [], after.explanation.caps ?? [])) out.push({ kind: 'caps', before: before.explanation.caps ?? [], after: after.explanation.caps ?? [] });
  return out;
}

const SIDE = (t: string) => `CASE WHEN ${t}.subject IS NULL THEN NULL ELSE jsonb_build_object('amount', ${t}.amount::text, 'eligible', ${t}.eligible,
  'version', ${t}.program_version, 'inputs', ${t}.inputs, 'explanation', jsonb_build_object('derived', ${t}.explanation -> 'derived', 'caps', ${t}.explanation -> 'caps')) END`;

export async function runDiff(sql: Sql, runId: string, options: { after?: { program: string; subject: string } | null; limit: number }) {
  const run = await runStore(sql).get(runId);
  if (run === null) throw new TrellisError([runProblems.runNotFound(runId)]);
  if (run.previousRun === null) return { previousRun: null, entries: [] as DiffEntry[] };
  const params: unknown[] = [runId, run.previousRun, options.limit];
  const after = options.after ? `WHERE (d.program, d.subject) > ($${params.push(options.after.program)}, $${params.push(options.after.subject)})` : '';
  const rows = await sql.query<Row>(
    `SELECT * FROM (
       SELECT COALESCE(a.program, b.program) AS program, COALESCE(a.subject, b.subject) AS subject,
         (COALESCE(a.amount, 0) - COALESCE(b.amount, 0))::text AS change, ${SIDE('a')} AS a, ${SIDE('b')} AS b
       FROM (SELECT * FROM incentive_results WHERE run_id = $1::uuid) a
       FULL JOIN (SELECT * FROM incentive_results WHERE run_id = $2::uuid) b ON a.program = b.program AND a.subject = b.subject
       WHERE a.amount IS DISTINCT FROM b.amount OR a.inputs IS DISTINCT FROM b.inputs OR a.eligible IS DISTINCT FROM b.eligible
     ) d ${after} ORDER BY d.program, d.subject LIMIT $3`, params);
  const entries = rows.map((r): DiffEntry => ({
    program: r.program, subject: r.subject, before: r.b?.amount ?? null, after: r.a?.amount ?? null, change: r.change, reasons: reasons(r.b, r.a),
  }));
  return { previousRun: run.previousRun, entries };
}
