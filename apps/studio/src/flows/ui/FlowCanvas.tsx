import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background, Controls, MarkerType, MiniMap, ReactFlow, applyNodeChanges, useReactFlow,
  type Connection, type Edge, type IsValidConnection, type NodeChange, type OnNodeDrag,
} from '@xyflow/react';
import type { FlowNodeType } from '@trellis/definitions';
import { NODE_KINDS } from '@trellis/flow';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/i18n.js';
import type { FlowCommand } from '../model/commands.js';
import type { FlowGraph } from '../model/graph.js';
import { newEdge, newNode } from '../model/new-elements.js';
import type { ProblemMap } from '../model/problems.js';
import { ariaLabels } from './aria-labels.js';
import { PALETTE_MIME } from './Palette.js';
import type { Selection } from './selection.js';
import { StepNode, type StepViewNode } from './StepNode.js';
import { syncViewNodes } from './view-nodes.js';

const NODE_TYPES = { step: StepNode };
const DELETE_KEYS = ['Backspace', 'Delete'];
const MARKER = { type: MarkerType.ArrowClosed };

interface Props {
  readonly graph: FlowGraph;
  readonly problems: ProblemMap;
  readonly selection: Selection;
  readonly onSelect: (selection: Selection) => void;
  readonly run: (command: FlowCommand) => void;
}

/** The xyflow canvas over the model: drags, connections, deletions and drops become commands. */
export function FlowCanvas({ graph, problems, selection, onSelect, run }: Props) {
  const { t } = useTranslation();
  // the locale, not useLocale's pick (a new function each render): the edges are rebuilt only when something they show changes
  const { locale } = useLocale();
  const flow = useReactFlow();
  const [nodes, setNodes] = useState<StepViewNode[]>(() => syncViewNodes([], graph, problems));
  useEffect(() => setNodes((previous) => syncViewNodes(previous, graph, problems)), [graph, problems]);
  // the panel's selection drawn on the canvas too (a step added from the palette is selected); only changed nodes are replaced
  const selectedNode = selection?.kind === 'node' ? selection.id : null;
  useEffect(() => setNodes((current) => current.map((n) => ((n.id === selectedNode) === (n.selected === true) ? n : { ...n, selected: n.id === selectedNode }))), [selectedNode, graph]);

  const names = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.data.node.label === undefined ? n.id : n.data.node.label[locale]])), [graph.nodes, locale]);
  const edges = useMemo((): Edge[] => graph.edges.map(({ data: { edge }, ...e }) => {
    const text = edge.label === undefined ? (edge.isDefault === true ? t('flows.defaultBranch') : undefined) : edge.label[locale];
    const wrong = problems.edges.has(edge.id);
    return {
      ...e,
      ...(text === undefined ? {} : { label: edge.isDefault === true && edge.label !== undefined ? `${text} · ${t('flows.defaultBranch')}` : text }),
      markerEnd: MARKER,
      ariaLabel: t('flows.aria.edgeFrom', { source: names.get(edge.source) ?? edge.source, target: names.get(edge.target) ?? edge.target }),
      selected: selection?.kind === 'edge' && selection.id === edge.id,
      className: `${edge.isDefault === true ? 'default-branch' : ''}${wrong ? ' has-problem' : ''}`,
    };
  }), [graph.edges, names, problems.edges, selection, locale, t]);

  // moves are kept on the canvas while dragging and recorded once, when the drag ends; removals go through commands
  const onNodesChange = useCallback((changes: NodeChange<StepViewNode>[]) => {
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), current));
  }, []);
  const onNodeDragStop: OnNodeDrag<StepViewNode> = useCallback((_, __, dragged) => {
    run({ type: 'moveNodes', positions: Object.fromEntries(dragged.map((n) => [n.id, n.position])) });
  }, [run]);
  const onConnect = useCallback((c: Connection) => {
    run({ type: 'connect', edge: newEdge(graph, c.source, c.sourceHandle ?? 'out', c.target) });
  }, [graph, run]);
  const isValidConnection: IsValidConnection = useCallback((c) => {
    const target = graph.nodes.find((n) => n.id === c.target);
    return c.source !== c.target && target !== undefined && NODE_KINDS[target.data.node.type].inputs.length > 0;
  }, [graph]);
  const onDelete = useCallback(({ nodes: gone, edges: cut }: { nodes: { id: string }[]; edges: { id: string }[] }) => {
    run({ type: 'remove', nodes: gone.map((n) => n.id), edges: cut.map((e) => e.id) });
    onSelect(null);
  }, [run, onSelect]);
  const onDrop = useCallback((event: DragEvent) => {
    const type = event.dataTransfer.getData(PALETTE_MIME) as FlowNodeType;
    if (!(type in NODE_KINDS)) return;
    event.preventDefault();
    const node = newNode(graph, type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    run({ type: 'addNode', node });
    onSelect({ kind: 'node', id: node.id });
  }, [flow, graph, run, onSelect]);
  const labels = useMemo(() => ariaLabels(t), [t]);
  const onNodeClick = useCallback((_: unknown, node: { id: string }) => onSelect({ kind: 'node', id: node.id }), [onSelect]);
  const onEdgeClick = useCallback((_: unknown, edge: { id: string }) => onSelect({ kind: 'edge', id: edge.id }), [onSelect]);
  const onPaneClick = useCallback(() => onSelect(null), [onSelect]);
  // While the view moves, the steps are one composited layer the GPU slides, instead of being
  // painted again every frame; at rest they are painted sharp at the zoom they ended on.
  const canvas = useRef<HTMLDivElement>(null);
  const onMoveStart = useCallback(() => canvas.current?.classList.add('moving'), []);
  const onMoveEnd = useCallback(() => canvas.current?.classList.remove('moving'), []);

  return (
    <div ref={canvas} className="flow-canvas" aria-label={t('flows.canvas')} role="region" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <ReactFlow<StepViewNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        onNodeClick={onNodeClick}
        onEdgeClick={onEdgeClick}
        onPaneClick={onPaneClick}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        deleteKeyCode={DELETE_KEYS}
        ariaLabelConfig={labels}
        onlyRenderVisibleElements
        fitView
        minZoom={0.1}
      >
        <Background gap={20} />
        {/* plain rectangles: rounded, stroked ones cost several ms a frame at 300 steps (bench/canvas.bench.ts) */}
        <MiniMap pannable zoomable nodeBorderRadius={0} nodeStrokeWidth={0} />
        <Controls />
      </ReactFlow>
    </div>
  );
}
