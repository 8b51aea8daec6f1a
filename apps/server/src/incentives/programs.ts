/**
 * The programs of a run: for each requested (or every published) program, the version in force
 * for the period (programInForce over all its stored versions), so a rerun of an old period uses
 * the version that was in force then.
 */
import type { ProgramDefinition } from '@trellis/definitions';
import { TrellisError, type Problem } from '@trellis/errors';
import { periodKind, programInForce } from '@trellis/incentives';
import type { StorageReader } from '@trellis/storage';
import { runProblems } from './problems.js';

export interface RunProgram {
  readonly id: string;
  readonly version: number;
  readonly definition: ProgramDefinition;
}

type Reader = Pick<StorageReader, 'definitions'>;

async function versionsOf(reader: Reader, app: string, id: string) {
  const summaries = await reader.definitions.listVersions({ app, kind: 'program', id });
  const versions = await Promise.all(summaries.map((s) => reader.definitions.getVersion({ app, kind: 'program', id, version: s.version })));
  return versions.flatMap((v) => (v === null ? [] : [{ version: v.version, definition: v.body as unknown as ProgramDefinition }]));
}

async function inForce(reader: Reader, app: string, id: string, period: string): Promise<RunProgram | null> {
  // A later version starting the same day replaced the earlier one (it corrected it), so only
  // the last of each start date competes for the period.
  const latestPerStart = new Map<string, { version: number; definition: ProgramDefinition }>();
  for (const v of await versionsOf(reader, app, id)) latestPerStart.set(v.definition.effectiveFrom, v);
  const candidates = [...latestPerStart.values()].map((v) => ({ ...v, effectiveFrom: v.definition.effectiveFrom, effectiveTo: v.definition.effectiveTo }));
  const found = programInForce(candidates, period);
  if (!found.ok) throw new TrellisError(found.problems as [Problem, ...Problem[]]);
  const chosen = found.value;
  if (chosen === null || chosen.definition.period !== periodKind(period)) return null;
  return { id, version: chosen.version, definition: chosen.definition };
}

/**
 * The programs to run. Requested ids must exist and be in force for the period (422 naming the
 * position otherwise); without a request, every published program in force whose period kind is
 * the period's.
 */
export async function programsForRun(reader: Reader, app: string, period: string, requested: readonly string[] | null): Promise<RunProgram[]> {
  if (requested !== null) {
    const found: RunProgram[] = [];
    const problems: Problem[] = [];
    for (const [i, id] of requested.entries()) {
      const summaries = await reader.definitions.listVersions({ app, kind: 'program', id });
      if (summaries.length === 0) { problems.push(runProblems.programNotFound(id, `programs.${i}`)); continue; }
      const program = await inForce(reader, app, id, period);
      if (program === null) problems.push(runProblems.notInForce(id, period, `programs.${i}`));
      else found.push(program);
    }
    const [first, ...rest] = problems;
    if (first !== undefined) throw new TrellisError([first, ...rest]);
    return found;
  }
  const ids = (await reader.definitions.listDefinitions(app, 'program')).filter((d) => d.latestVersion !== null).map((d) => d.id);
  const programs = (await Promise.all(ids.map((id) => inForce(reader, app, id, period)))).filter((p): p is RunProgram => p !== null);
  if (programs.length === 0) throw new TrellisError([runProblems.noPrograms(period)]);
  return programs;
}
