import Decimal from 'decimal.js';
import type { ProgramDefinition } from '@trellis/definitions';
import { lookupVar, traceRule, type JsonValue, type Rule } from '@trellis/rules';
import { Apportioner, capAtScale } from './apportion.js';
import { decString, Dec, money, ROUNDING, toDec, ZERO } from './decimal.js';
import { periodDays, periodRange } from './periods.js';
import { preparedProgram, type PreparedLine } from './prepare.js';
import { incentiveError, incentiveProblems, under } from './problems.js';
import { prorationOf } from './proration.js';
import { ProgramScope } from './scope.js';
import type {
  CapApplied, DerivedExplanation, EvaluateOptions, LineExplanation, LineFormula, LineResult, ProgramExplanation, ProgramInput,
  ProgramResult, ProrationExplanation,
} from './types.js';

interface RawLine {
  readonly id: string;
  readonly formula: LineFormula;
  readonly raw: Dec;
}

function rawLine(line: PreparedLine, scope: ProgramScope, trace: boolean): RawLine {
  const value = under(line.at, () => line.fn(scope.data));
  const traced = trace ? { trace: traceRule(line.rule, scope.data).trace } : {};
  const number = toDec(value, line.at);
  if (line.kind === 'amount') return { id: line.id, formula: { kind: 'amount', amount: value, ...traced }, raw: number };
  const base = scope.exactValue(line.base, line.at.replace(/rate$/, 'base'));
  return {
    id: line.id,
    formula: { kind: 'base_rate', base: line.base, baseValue: decString(base), rate: value, ...traced },
    raw: base.times(number),
  };
}

function derive(program: ProgramDefinition, scope: ProgramScope, options: EvaluateOptions): DerivedExplanation[] {
  return preparedProgram(program, options.evaluator ?? 'compiled').derived.map((d) => {
    if (d.kind === 'table') {
      const table = under(d.at, () => d.table.evaluate(scope.data));
      scope.addDerived(d.id, table.value);
      return { id: d.id, value: table.value, table };
    }
    const value = under(d.at, () => d.fn(scope.data));
    const explanation = options.trace ? { id: d.id, value, trace: traceRule(d.rule, scope.data).trace } : { id: d.id, value };
    scope.addDerived(d.id, value);
    return explanation;
  });
}

/** Over the per-subject cap, the rounded lines are scaled down to it (line order, cumulative method). */
function applySubjectCap(program: ProgramDefinition, amounts: Dec[]): { amounts: Dec[]; cap: CapApplied | null } {
  const cap = program.caps?.perSubject;
  const { scale } = program.rounding;
  const total = Dec.sum(ZERO, ...amounts);
  if (cap === undefined) return { amounts, cap: null };
  const limit = capAtScale(cap, scale);
  if (total.lte(limit)) return { amounts, cap: null };
  const apportioner = new Apportioner(total, limit, scale);
  const scaled = amounts.map((a) => apportioner.next(a));
  const before = money(total, scale);
  return {
    amounts: scaled,
    cap: { kind: 'perSubject', cap: money(limit, scale), before, subjectBefore: before, subjectAfter: money(limit, scale), method: 'proportional_cumulative' },
  };
}

function payLines(program: ProgramDefinition, raws: readonly RawLine[], proration: ProrationExplanation | null) {
  const { scale, mode } = program.rounding;
  const prorated = raws.map((r) => (proration === null ? r.raw : r.raw.times(proration.activeDays).dividedBy(proration.periodDays)));
  const rounded = prorated.map((p) => p.toDecimalPlaces(scale, ROUNDING[mode] as Decimal.Rounding));
  const capped = applySubjectCap(program, rounded);
  const lines = raws.map((r, i): LineResult => {
    const amount = capped.amounts[i] as Dec;
    const explanation: LineExplanation = {
      formula: r.formula,
      raw: decString(r.raw),
      prorated: decString(prorated[i] as Dec),
      rounded: money(rounded[i] as Dec, scale),
      capped: capped.cap === null ? [] : [{ kind: 'perSubject', amount: money(amount, scale) }],
    };
    return { id: r.id, amount: money(amount, scale), explanation };
  });
  return { lines, total: money(Dec.sum(ZERO, ...capped.amounts), scale), caps: capped.cap === null ? [] : [capped.cap] };
}

/**
 * Evaluates a program for one subject and period: eligibility, then the derived values in order,
 * each line (base × rate or amount, exact), proration by days active, rounding of each line at the
 * program's scale and mode, and the per-subject cap. Pure: the same input gives the same result.
 * Throws TrellisError (INCENTIVE_* or RULE_* problems, the path naming the program part) when a
 * rule fails or a value is unusable. The program cap needs every subject: see applyProgramCap.
 */
/**
 * Whether the subject takes part, without metrics (eligibility reads only $subject, $period and
 * $context): a run computes metrics only for the subjects this admits.
 */
export function programEligible(program: ProgramDefinition, input: Omit<ProgramInput, 'metrics'>, options: EvaluateOptions = {}): boolean {
  const prepared = preparedProgram(program, options.evaluator ?? 'compiled');
  const scope = new ProgramScope({ $subject: input.subject, $period: periodRange(input.period), $context: input.context ?? {} });
  return under('eligibility', () => prepared.eligibility(scope.data));
}

export function evaluateProgram(program: ProgramDefinition, input: ProgramInput, options: EvaluateOptions = {}): ProgramResult {
  const prepared = preparedProgram(program, options.evaluator ?? 'compiled');
  const period = periodRange(input.period);
  if (period.kind !== program.period) throw incentiveError(incentiveProblems.periodKindMismatch(period.id, program.period));
  const scope = new ProgramScope({ $subject: input.subject, $period: period, $context: input.context ?? {} });
  const eligible = under('eligibility', () => prepared.eligibility(scope.data));
  const trace = options.trace ? { trace: traceRule(program.eligibility as Rule, scope.data).trace } : {};
  const common = {
    programId: program.id,
    period: period.id,
    subject: lookupVar(input.subject, program.subjectKey, null) as JsonValue,
    eligible,
  };
  const explanation: Omit<ProgramExplanation, 'derived' | 'proration' | 'caps'> = {
    program: { id: program.id, effectiveFrom: program.effectiveFrom, effectiveTo: program.effectiveTo ?? null },
    period,
    eligibility: { value: eligible, ...trace },
    metrics: input.metrics,
    rounding: program.rounding,
    currency: program.currency,
  };
  if (!eligible) {
    return { ...common, lines: [], total: money(ZERO, program.rounding.scale), explanation: { ...explanation, derived: [], proration: null, caps: [] } };
  }
  scope.addMetrics(program, input.metrics);
  const derived = derive(program, scope, options);
  const raws = prepared.lines.map((line) => rawLine(line, scope, options.trace === true));
  raws.forEach((r, i) => {
    if (r.raw.isNegative() && !r.raw.isZero()) throw incentiveError(incentiveProblems.negativeAmount(`lines.${i}`, decString(r.raw)));
  });
  const proration = program.proration === undefined ? null : prorationOf(program.proration, input.subject, periodDays(period.id, 'period'));
  const paid = payLines(program, raws, proration);
  return { ...common, lines: paid.lines, total: paid.total, explanation: { ...explanation, derived, proration, caps: paid.caps } };
}
