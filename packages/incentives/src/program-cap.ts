import { Apportioner, capAtScale } from './apportion.js';
import { Dec, money, toDec, ZERO } from './decimal.js';
import type { CapApplied, LineResult, ProgramResult } from './types.js';

/** Pass 1: the total of every subject's result (the server may take it with SUM over the draft rows instead). */
export function programCapTotal(results: Iterable<Pick<ProgramResult, 'total'>>): string {
  let total = ZERO;
  for (const r of results) total = total.plus(toDec(r.total, 'total'));
  return total.toFixed();
}

export interface ProgramCapScaler {
  /** whether the total exceeds the cap, i.e. results change */
  readonly applies: boolean;
  /** pass 2: one result, in the run's fixed order (the same order every time, e.g. by subject key) */
  scale(result: ProgramResult): ProgramResult;
}

/**
 * The program cap over a stream, in two passes: pass 1 takes the total of all results
 * (programCapTotal), pass 2 scales each result as it streams by. Over the cap, every line of every
 * subject is scaled by cap ÷ total with the cumulative method (see Apportioner): all lines together
 * add up to the cap exactly, each within one unit of the last place of its proportional share, and
 * only a running sum is held, so memory stays flat however many subjects there are.
 */
export function createProgramCapScaler(total: string, cap: number | string, scale: number): ProgramCapScaler {
  const before = toDec(total, 'total');
  const limit = capAtScale(cap, scale);
  const applies = before.gt(limit);
  const apportioner = new Apportioner(before, limit, scale);
  return {
    applies,
    scale(result) {
      if (!applies || result.lines.length === 0) return result;
      const lines = result.lines.map((line): LineResult => {
        const amount = money(apportioner.next(toDec(line.amount, 'amount')), scale);
        const capped = [...line.explanation.capped, { kind: 'perProgram' as const, amount }];
        return { ...line, amount, explanation: { ...line.explanation, capped } };
      });
      const subjectAfter = money(Dec.sum(ZERO, ...lines.map((l) => toDec(l.amount, 'amount'))), scale);
      const applied: CapApplied = {
        kind: 'perProgram', cap: money(limit, scale), before: money(before, scale), subjectBefore: result.total, subjectAfter,
        method: 'proportional_cumulative',
      };
      return { ...result, lines, total: subjectAfter, explanation: { ...result.explanation, caps: [...result.explanation.caps, applied] } };
    },
  };
}

/**
 * The program cap over results in memory: both passes over the array, in its order. Results over the
 * cap come back scaled (explanations record it), others unchanged; the array is not modified.
 */
export function applyProgramCap(results: readonly ProgramResult[], cap: number | string, scale: number): ProgramResult[] {
  const scaler = createProgramCapScaler(programCapTotal(results), cap, scale);
  return results.map((r) => scaler.scale(r));
}
