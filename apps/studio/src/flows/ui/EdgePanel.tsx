import { memo } from 'react';
import { newGroup, toJsonLogic } from '@trellis/conditions';
import type { FlowEdge, FlowNode } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { NODE_KINDS } from '@trellis/flow';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import type { FlowCommand } from '../model/commands.js';
import { portOfEdge } from '../model/graph.js';
import { CommitInput } from './CommitInput.js';
import { RuleEditor } from './RuleEditor.js';

interface Props {
  readonly edge: FlowEdge;
  readonly source: Omit<FlowNode, 'position'> | undefined;
  readonly target: Omit<FlowNode, 'position'> | undefined;
  readonly problems: readonly Problem[];
  readonly run: (command: FlowCommand) => void;
}

const EMPTY_CONDITION = toJsonLogic(newGroup());
const BRANCHING: ReadonlySet<FlowNode['type']> = new Set(['condition', 'parallel_split']);

/** A connection: its name, and for the branches of a condition or split, its condition or being the default. */
export const EdgePanel = memo(function EdgePanel({ edge, source, target, problems, run }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const update = (next: FlowEdge) => run({ type: 'updateEdge', edge: next });
  const name = (node: Omit<FlowNode, 'position'> | undefined) => (node === undefined ? '?' : node.label === undefined ? node.id : pick(node.label));
  const port = source === undefined ? undefined : NODE_KINDS[source.type].outputs.find((p) => p.id === portOfEdge(edge));
  const branching = source !== undefined && BRANCHING.has(source.type);
  const label = edge.label ?? { 'zh-CN': '', en: '' };
  const setLabel = (next: typeof label) => {
    const { label: _, ...rest } = edge;
    update(next['zh-CN'] === '' && next.en === '' ? rest : { ...rest, label: next });
  };
  return (
    <section className="panel edge-panel" aria-labelledby="edge-panel-title" data-edge={edge.id}>
      <h2 id="edge-panel-title">{t('flows.panel.edge')} · <code>{edge.id}</code></h2>
      <p>{t('flows.panel.from')} <strong>{name(source)}</strong>{port !== undefined && ` (${pick(port.label)})`} → {t('flows.panel.to')} <strong>{name(target)}</strong></p>
      <ProblemList problems={problems} />
      <div className="prop">
        <span className="prop-label">{t('flows.panel.label')}</span>
        <div className="localized">
          <CommitInput aria-label={`${t('flows.panel.label')} ${t('flows.field.zh')}`} value={label['zh-CN']} onCommit={(zh) => setLabel({ ...label, 'zh-CN': zh })} />
          <CommitInput aria-label={`${t('flows.panel.label')} ${t('flows.field.en')}`} value={label.en} onCommit={(en) => setLabel({ ...label, en })} />
        </div>
      </div>
      {branching && (
        <>
          <label className="inline">
            <input
              type="checkbox"
              checked={edge.isDefault === true}
              onChange={(e) => {
                const { isDefault: _, condition: __, ...rest } = edge;
                update(e.target.checked ? { ...rest, isDefault: true } : rest);
              }}
            />
            {t('flows.panel.isDefault')}
          </label>
          {edge.isDefault !== true && (
            <div className="prop">
              <span className="prop-label">{t('flows.panel.condition')}</span>
              <p className="muted">{t('flows.panel.conditionHint')}</p>
              <RuleEditor value={edge.condition ?? EMPTY_CONDITION} label={t('flows.panel.condition')} onChange={(condition) => update({ ...edge, condition })} />
            </div>
          )}
        </>
      )}
      <button type="button" className="danger" onClick={() => run({ type: 'remove', nodes: [], edges: [edge.id] })}>{t('flows.remove')}</button>
    </section>
  );
});
