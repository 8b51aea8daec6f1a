import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../common/ProblemList.js';
import { useAppData, type AppData } from './use-app-data.js';

/** Renders `children` with the current app's data once loaded; a loading line or the problems before. */
export function AppDataGate({ children }: { children: (data: AppData) => ReactNode }) {
  const { t } = useTranslation();
  const state = useAppData();
  if (state.kind === 'loading') return <p className="muted">{t('workspace.loading')}</p>;
  if (state.kind === 'failed') return <div role="alert"><ProblemList problems={state.problems} /></div>;
  return <>{children(state.data)}</>;
}
