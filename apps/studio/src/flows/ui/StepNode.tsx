import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { NODE_KINDS } from '@trellis/flow';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/i18n.js';

export interface StepData extends Record<string, unknown> {
  readonly node: Omit<FlowNode, 'position'>;
  readonly problems: readonly Problem[];
}

export type StepViewNode = Node<StepData, 'step'>;

/** At most this many messages are written on a node; the property panel lists them all. */
const SHOWN_PROBLEMS = 2;

/**
 * One step on the canvas: its kind, its name, a handle per port, and its problems written on it.
 * Memoised: dragging one node of hundreds re-renders that node only (its data keeps its identity).
 */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepViewNode>) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const { node, problems } = data;
  const kind = NODE_KINDS[node.type];
  const outputs = kind.outputs;
  return (
    <div
      className={`step ${kind.category}${problems.length > 0 ? ' has-problem' : ''}${selected === true ? ' selected' : ''}`}
      data-node={node.id}
      data-problems={problems.map((p) => p.code).join(' ')}
      title={pick(kind.description)}
    >
      {kind.inputs.length > 0 && <Handle type="target" position={Position.Left} id="in" />}
      <div className="step-kind">{pick(kind.label)}</div>
      <div className="step-label">{node.label === undefined ? node.id : pick(node.label)}</div>
      {problems.length > 0 && (
        <ul className="step-problems" aria-label={t('flows.marker.problems')}>
          {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => <li key={`${p.code}${i}`} data-code={p.code}>{pick(p.message)}</li>)}
          {problems.length > SHOWN_PROBLEMS && <li>+{problems.length - SHOWN_PROBLEMS}</li>}
        </ul>
      )}
      {outputs.map((port, i) => (
        <Handle
          key={port.id}
          type="source"
          position={Position.Right}
          id={port.id}
          style={{ top: `${((i + 1) * 100) / (outputs.length + 1)}%` }}
          title={pick(port.label)}
        >
          {outputs.length > 1 && <span className="port-label">{pick(port.label)}</span>}
        </Handle>
      ))}
    </div>
  );
});
