import type { FlowDefinition, FlowEdge, FlowNode } from '@trellis/definitions';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/i18n.js';
import { flowChanges } from '../model/changes.js';
import type { PublishedFlow } from '../source/flow-source.js';

interface Props {
  readonly published: PublishedFlow | null;
  readonly draft: FlowDefinition;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** What publishing changes against the published version, and the confirmation. */
export function PublishDialog({ published, draft, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const all = published === null ? [] : flowChanges(published.body, draft);
  // moves change nothing an instance does: one line for all of them
  const changes = all.filter((c) => c.change !== 'moved');
  const moved = all.length - changes.length;
  const nodes = new Map<string, Pick<FlowNode, 'id' | 'label'>>([...(published?.body.nodes ?? []), ...draft.nodes].map((n) => [n.id, n]));
  const edges = new Map<string, FlowEdge>([...(published?.body.edges ?? []), ...draft.edges].map((e) => [e.id, e]));
  const nodeName = (id: string) => {
    const node = nodes.get(id);
    return node?.label === undefined ? id : pick(node.label);
  };
  const name = (scope: string, id: string) => {
    if (scope === 'flow') return `${t('flows.diff.flow')} ${pick(draft.label)}`;
    if (scope === 'node') return `${nodeName(id)} (${id})`;
    const edge = edges.get(id);
    return edge === undefined ? id : `${nodeName(edge.source)} → ${nodeName(edge.target)}`;
  };
  const next = (published?.version ?? 0) + 1;
  return (
    <div className="dialog-backdrop">
      <div className="panel dialog" role="dialog" aria-modal="true" aria-labelledby="publish-title">
        <h2 id="publish-title">{t('flows.publishTitle')}</h2>
        <p className="muted">{t('flows.publishIntro')}</p>
        {published === null ? <p>{t('flows.firstVersion')}</p> : (
          <>
            <h3>{t('flows.basedOn', { version: published.version })}</h3>
            {moved > 0 && <p className="muted" data-change="moved">{t('flows.diff.moved', { count: moved })}</p>}
            {all.length === 0 ? <p className="muted">{t('flows.noChanges')}</p> : (
              <ul className="changes" aria-label={t('flows.basedOn', { version: published.version })}>
                {changes.map((c) => (
                  <li key={`${c.scope}${c.id}`} className={c.change} data-change={`${c.scope}:${c.id}:${c.change}`}>
                    <span className="badge">{t(`flows.diff.${c.change}`)}</span> {name(c.scope, c.id)}
                    {c.paths.length > 0 && <code className="path">{c.paths.join(', ')}</code>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <div className="toolbar">
          <button type="button" className="primary" onClick={onConfirm}>{t('flows.confirmPublish', { version: next })}</button>
          <button type="button" onClick={onCancel}>{t('flows.cancel')}</button>
        </div>
      </div>
    </div>
  );
}
