import type { RoundingMode } from '@trellis/definitions';
import type { JsonValue, TraceNode } from '@trellis/rules';
import type { EvaluatorKind } from './evaluator.js';
import type { MetricValues } from './metrics.js';
import type { PeriodInfo } from './periods.js';
import type { TableExplanation } from './tables.js';

/** What one subject's evaluation needs; everything else comes from the program. */
export interface ProgramInput {
  /** the subject record (e.g. the record of the program's subject entity) */
  readonly subject: Readonly<Record<string, unknown>>;
  /** every metric of the program, by id (see computeMetrics) */
  readonly metrics: MetricValues;
  /** period id of the program's period kind, e.g. 2026-Q1 */
  readonly period: string;
  /** what the run supplies as `$context`, declared by the program's `context` schema */
  readonly context?: Readonly<Record<string, unknown>>;
}

export interface EvaluateOptions {
  /** which rule evaluator runs the program's rules (default compiled); both give identical payouts */
  readonly evaluator?: EvaluatorKind;
  /** add the value of every sub-expression of every rule (traceRule) to the explanation */
  readonly trace?: boolean;
}

/** A line's formula with the values that went in. */
export type LineFormula =
  | { readonly kind: 'amount'; readonly amount: JsonValue; readonly trace?: TraceNode }
  | { readonly kind: 'base_rate'; readonly base: string; readonly baseValue: string; readonly rate: JsonValue; readonly trace?: TraceNode };

/** A cap that changed the amounts, and how. */
export interface CapApplied {
  readonly kind: 'perSubject' | 'perProgram';
  /** the cap, at the program's scale (rounded down) */
  readonly cap: string;
  /** the total the cap was compared with: the subject's (perSubject) or all subjects' (perProgram) */
  readonly before: string;
  /** this subject's total before and after */
  readonly subjectBefore: string;
  readonly subjectAfter: string;
  readonly method: 'proportional_cumulative';
}

export interface LineExplanation {
  readonly formula: LineFormula;
  /** base × rate or the amount, exact */
  readonly raw: string;
  /** raw × days active ÷ days in period (raw itself without proration), before rounding */
  readonly prorated: string;
  /** `prorated` at the program's scale and mode */
  readonly rounded: string;
  /** the amount after each cap that changed it, in order */
  readonly capped: readonly { readonly kind: CapApplied['kind']; readonly amount: string }[];
}

export interface LineResult {
  readonly id: string;
  /** decimal string with exactly `rounding.scale` places */
  readonly amount: string;
  readonly explanation: LineExplanation;
}

export interface DerivedExplanation {
  readonly id: string;
  readonly value: JsonValue;
  /** for a decision table: its inputs, the row(s) that matched and their notes */
  readonly table?: TableExplanation;
  readonly trace?: TraceNode;
}

export interface ProrationExplanation {
  /** the subject's first and last active days as read (null: open on that side) */
  readonly from: string | null;
  readonly to: string | null;
  readonly activeDays: number;
  readonly periodDays: number;
  /** the exact factor, "activeDays/periodDays" */
  readonly factor: string;
}

export interface ProgramExplanation {
  readonly program: { readonly id: string; readonly effectiveFrom: string; readonly effectiveTo: string | null };
  readonly period: PeriodInfo;
  readonly eligibility: { readonly value: boolean; readonly trace?: TraceNode };
  /** the metric values the evaluation used, as given */
  readonly metrics: MetricValues;
  readonly derived: readonly DerivedExplanation[];
  readonly proration: ProrationExplanation | null;
  readonly rounding: { readonly scale: number; readonly mode: RoundingMode };
  readonly caps: readonly CapApplied[];
  readonly currency: string;
}

export interface ProgramResult {
  readonly programId: string;
  readonly period: string;
  /** the subject's `subjectKey` value */
  readonly subject: JsonValue;
  readonly eligible: boolean;
  readonly lines: readonly LineResult[];
  /** sum of the lines, exactly `rounding.scale` places */
  readonly total: string;
  readonly explanation: ProgramExplanation;
}
