import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { api, problemsOf } from '../../api/client.js';
import type { DefinitionSummary, DefinitionVersion } from '../../api/types.js';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';

/** Whether someone may start the flow by hand (its start step's trigger is `manual`). */
const startsByHand = (flow: FlowDefinition) => flow.nodes.some((n) => n.type === 'start' && (n.settings as { trigger?: { on?: string } } | undefined)?.trigger?.on === 'manual');

/** The published flows over an entity that can be started by hand, and a button starting one on the record. */
export function StartFlow({ appId, entity, recordId, onStarted }: { appId: string; entity: string; recordId: string; onStarted: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const [flows, setFlows] = useState<readonly FlowDefinition[]>([]);
  const [chosen, setChosen] = useState('');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  useEffect(() => {
    let live = true;
    (async () => {
      const list = await api<DefinitionSummary[]>('GET', `/apps/${appId}/definitions?kind=flow`);
      const bodies = await Promise.all(list.filter((d) => d.latestVersion !== null)
        .map((d) => api<DefinitionVersion>('GET', `/apps/${appId}/definitions/flow/${encodeURIComponent(d.id)}`)));
      const found = bodies.map((b) => b.body as unknown as FlowDefinition).filter((f) => f.entity === entity && startsByHand(f));
      if (!live) return;
      setFlows(found);
      setChosen(found[0]?.id ?? '');
    })().catch((error: unknown) => live && setProblems(problemsOf(error)));
    return () => { live = false; };
  }, [appId, entity]);
  if (flows.length === 0 && problems.length === 0) return null;
  const start = () => {
    setProblems([]);
    api('POST', `/apps/${appId}/flows/${encodeURIComponent(chosen)}/instances`, { recordId }).then(onStarted, (error: unknown) => setProblems(problemsOf(error)));
  };
  return (
    <form className="inline" onSubmit={(e) => { e.preventDefault(); start(); }}>
      <select aria-label={t('admin.record.flowToStart')} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        {flows.map((f) => <option key={f.id} value={f.id}>{pick(f.label)}</option>)}
      </select>
      <button type="submit" disabled={chosen === ''}>{t('admin.record.startFlow')}</button>
      <div role="alert"><ProblemList problems={problems} showPaths /></div>
    </form>
  );
}
