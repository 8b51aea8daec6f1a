/**
 * One page of subjects through one program: eligibility first (no metrics needed), metrics for
 * the eligible ones from the page's metric queries, then the engine. The same code serves the
 * calculator, so what it answers is what a run pays.
 */
import type { ProgramDefinition } from '@trellis/definitions';
import { evaluateProgram, programEligible, type MetricValue, type ProgramResult } from '@trellis/incentives';
import type { JsonValue } from '@trellis/storage';
import type { PageMetrics } from './metrics-sql.js';
import type { RunProgram } from './programs.js';
import type { Subject } from './subjects.js';
import type { StoredResult } from './types.js';

export interface PageInput {
  readonly period: string;
  readonly context: Readonly<Record<string, unknown>>;
}

export function storedResult(program: RunProgram, subject: Pick<Subject, 'key' | 'record'>, result: ProgramResult): StoredResult {
  return {
    program: program.id,
    programVersion: program.version,
    subject: subject.key,
    subjectRecord: subject.record,
    eligible: result.eligible,
    amount: result.total,
    currency: program.definition.currency,
    inputs: result.explanation.metrics as JsonValue,
    lines: result.lines as unknown as JsonValue,
    explanation: result.explanation as unknown as JsonValue,
  };
}

/** The program's results for the page, in page order. */
export async function evaluatePage(program: RunProgram, subjects: readonly Subject[], metrics: PageMetrics, input: PageInput): Promise<ProgramResult[]> {
  const definition: ProgramDefinition = program.definition;
  const eligible = subjects.map((s) => programEligible(definition, { subject: s.data, period: input.period, context: input.context }));
  const lookup = eligible.some(Boolean) ? await metrics.forProgram(definition) : () => ({} as Record<string, MetricValue>);
  return subjects.map((s, i) => evaluateProgram(definition, {
    subject: s.data, period: input.period, context: input.context, metrics: eligible[i] ? lookup(s.key) : {},
  }));
}
