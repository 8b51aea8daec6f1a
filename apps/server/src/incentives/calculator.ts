/**
 * The calculator: one subject, one program, one period, with hypothetical metric values ("if I
 * sell X more"). The actual metrics come from the same page queries a run uses (a page of one),
 * and the engine's calculate runs the same formula, so with no change its answer is what the run
 * pays (before a program-wide cap, which depends on every subject).
 */
import { TrellisError } from '@trellis/errors';
import { calculate, programEligible, type Calculation, type MetricOverride } from '@trellis/incentives';
import type { Storage } from '@trellis/storage';
import { PageMetrics } from './metrics-sql.js';
import { programsForRun, type RunProgram } from './programs.js';
import { runProblems } from './problems.js';
import { pathLiteral } from './sql-paths.js';
import type { Subject } from './subjects.js';

export interface CalculatorRequest {
  readonly app: string;
  readonly program: string;
  readonly period: string;
  readonly subject: string;
  readonly overrides: Readonly<Record<string, MetricOverride>>;
  readonly context?: Readonly<Record<string, unknown>>;
}

export async function findSubject(storage: Storage, app: string, program: RunProgram, key: string): Promise<Subject | null> {
  const { subjectEntity, subjectKey } = program.definition;
  const rows = await storage.sql.query<{ id: string; data: Record<string, unknown> }>(
    `SELECT id::text AS id, data FROM records WHERE app = $1 AND entity = $2 AND (data #>> ${pathLiteral(subjectKey, 'subjectKey')}) = $3
     ORDER BY id LIMIT 1`, [app, subjectEntity, key]);
  const row = rows[0];
  return row === undefined ? null : { key, record: row.id, data: row.data };
}

export async function programFor(storage: Storage, app: string, id: string, period: string): Promise<RunProgram> {
  const [program] = await programsForRun(storage.read, app, period, [id]);
  if (program === undefined) throw new TrellisError([runProblems.programNotFound(id)]);
  return program;
}

export async function calculateFor(storage: Storage, request: CalculatorRequest, program: RunProgram, subject: Subject): Promise<Calculation> {
  const context = request.context ?? {};
  const eligible = programEligible(program.definition, { subject: subject.data, period: request.period, context });
  const metrics = eligible
    ? (await new PageMetrics(storage.sql, request.app, request.period, [subject.key], [program.definition]).forProgram(program.definition))(subject.key)
    : {};
  return calculate(program.definition, { subject: subject.data, metrics, period: request.period, context }, request.overrides);
}
