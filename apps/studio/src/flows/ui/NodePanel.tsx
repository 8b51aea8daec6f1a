import { memo } from 'react';
import type { FlowNode } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { NODE_KINDS } from '@trellis/flow';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../common/ProblemList.js';
import { useLocale } from '../../i18n/i18n.js';
import type { FlowCommand } from '../model/commands.js';
import { settingsSpec } from '../model/settings-spec.js';
import { CommitInput } from './CommitInput.js';
import { SettingsEditor } from './SettingsEditor.js';

interface Props {
  readonly node: Omit<FlowNode, 'position'>;
  readonly problems: readonly Problem[];
  readonly run: (command: FlowCommand) => void;
}

/** A step's name and settings; the settings editors come from its kind's settings schema. */
export const NodePanel = memo(function NodePanel({ node, problems, run }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const kind = NODE_KINDS[node.type];
  const spec = settingsSpec(kind.settingsSchema);
  const label = node.label ?? kind.label;
  const update = (next: Omit<FlowNode, 'position'>) => run({ type: 'updateNode', node: next });
  const hasSettings = spec.kind !== 'object' || spec.props.length > 0;
  return (
    <section className="panel node-panel" aria-labelledby="node-panel-title" data-node={node.id}>
      <h2 id="node-panel-title">{pick(kind.label)} · <code>{node.id}</code></h2>
      <p className="muted">{pick(kind.description)}</p>
      <ProblemList problems={problems} />
      <div className="prop">
        <span className="prop-label">{t('flows.panel.label')}</span>
        <div className="localized">
          <CommitInput aria-label={`${t('flows.panel.label')} ${t('flows.field.zh')}`} value={label['zh-CN']} onCommit={(zh) => update({ ...node, label: { ...label, 'zh-CN': zh } })} />
          <CommitInput aria-label={`${t('flows.panel.label')} ${t('flows.field.en')}`} value={label.en} onCommit={(en) => update({ ...node, label: { ...label, en } })} />
        </div>
      </div>
      <h3>{t('flows.panel.settings')}</h3>
      {hasSettings
        ? <SettingsEditor spec={spec} value={node.settings ?? {}} name="settings" label={t('flows.panel.settings')} path="" onChange={(settings) => update({ ...node, settings: settings as FlowNode['settings'] })} />
        : <p className="muted">{t('flows.panel.noSettings')}</p>}
      <button type="button" className="danger" onClick={() => run({ type: 'remove', nodes: [node.id], edges: [] })}>{t('flows.remove')}</button>
    </section>
  );
});
