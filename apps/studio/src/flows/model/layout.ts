import dagre from '@dagrejs/dagre';
import type { FlowNodePosition } from '@trellis/definitions';
import type { FlowGraph } from './graph.js';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** What a node is drawn as before the canvas has measured it. */
export const DEFAULT_NODE_SIZE: Size = { width: 220, height: 72 };

/**
 * Left-to-right layered positions (top-left corners) for every node, by dagre: the flow reads from
 * its start to its ends, branches stacked. `sizes` are the drawn sizes the canvas measured.
 */
export function autoLayout(graph: FlowGraph, sizes: ReadonlyMap<string, Size> = new Map()): Record<string, FlowNodePosition> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 60, edgesep: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { ...(sizes.get(node.id) ?? DEFAULT_NODE_SIZE) });
  for (const edge of graph.edges) {
    if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(g);
  const positions: Record<string, FlowNodePosition> = {};
  for (const node of graph.nodes) {
    const laid = g.node(node.id);
    // dagre gives centres; xyflow places nodes by their top-left corner
    positions[node.id] = { x: Math.round(laid.x - laid.width / 2), y: Math.round(laid.y - laid.height / 2) };
  }
  return positions;
}
