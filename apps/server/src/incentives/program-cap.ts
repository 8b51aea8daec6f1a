/**
 * The program-wide cap, second pass: with every draft result stored, the total is a SUM; over the
 * cap, the results are read back in subject-key order, page by page, scaled by the engine's
 * streaming scaler and written back.
 */
import { createProgramCapScaler, type ProgramResult } from '@trellis/incentives';
import type { RunProgram } from './programs.js';
import type { RunStore } from './store.js';
import type { StoredResult } from './types.js';

function programResult(period: string, r: StoredResult): ProgramResult {
  return {
    programId: r.program, period, subject: r.subject, eligible: r.eligible, lines: r.lines as unknown as ProgramResult['lines'],
    total: r.amount, explanation: r.explanation as unknown as ProgramResult['explanation'],
  };
}

export async function applyProgramCapStored(store: RunStore, runId: string, period: string, program: RunProgram, pageSize: number): Promise<void> {
  const cap = program.definition.caps?.perProgram;
  if (cap === undefined) return;
  const scaler = createProgramCapScaler(await store.programTotal(runId, program.id), cap, program.definition.rounding.scale);
  if (!scaler.applies) return;
  let after: { program: string; subject: string } | null = null;
  for (;;) {
    const page = await store.results(runId, { program: program.id, after, limit: pageSize });
    if (page.length === 0) return;
    const scaled = page.filter((r) => r.eligible).map((r) => {
      const result = scaler.scale(programResult(period, r));
      return { program: r.program, subject: r.subject, amount: result.total, lines: result.lines as never, explanation: result.explanation as never };
    });
    await store.updateResults(runId, scaled);
    const last = page[page.length - 1] as StoredResult;
    after = { program: last.program, subject: last.subject };
  }
}
