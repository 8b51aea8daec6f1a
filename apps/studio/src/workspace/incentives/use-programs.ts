import { useEffect, useState } from 'react';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import type { DefinitionVersion } from '../../api/types.js';
import type { ProgramLabels } from './explain.js';
import type { Run } from './types.js';

/** The definitions of a run's programs at the versions the run used, by program id, for their labels. */
export function useRunPrograms(appId: string, run: Run | null, onProblems: (problems: readonly Problem[]) => void): ReadonlyMap<string, ProgramLabels> {
  const [programs, setPrograms] = useState<ReadonlyMap<string, ProgramLabels>>(new Map());
  const refs = run?.programs.map((p) => `${p.id}@${p.version}`).join(',') ?? '';
  useEffect(() => {
    if (run === null) return;
    let live = true;
    Promise.all(run.programs.map((p) => api<DefinitionVersion>('GET', `/apps/${appId}/definitions/program/${encodeURIComponent(p.id)}/versions/${p.version}`)))
      .then((defs) => { if (live) setPrograms(new Map(defs.map((d) => [d.id, d.body as ProgramLabels]))); }, (error: unknown) => onProblems(problemsOf(error)));
    return () => { live = false; };
  }, [appId, refs]);
  return programs;
}
