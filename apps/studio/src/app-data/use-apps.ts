import { useCallback, useEffect, useState } from 'react';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../api/client.js';
import type { AppSummary } from '../api/types.js';

/** The apps on the server (null until they arrive), loaded once and again on `reload`; a failure goes to `onProblems`. */
export function useApps(onProblems: (problems: readonly Problem[]) => void): { apps: readonly AppSummary[] | null; reload: () => void } {
  const [apps, setApps] = useState<readonly AppSummary[] | null>(null);
  const reload = useCallback(() => {
    api<AppSummary[]>('GET', '/apps').then(setApps, (error: unknown) => onProblems(problemsOf(error)));
  }, []);
  useEffect(reload, [reload]);
  return { apps, reload };
}
