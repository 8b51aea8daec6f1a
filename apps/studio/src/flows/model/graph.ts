import type { FlowDefinition, FlowEdge, FlowNode, FlowNodePosition } from '@trellis/definitions';
import { NODE_KINDS } from '@trellis/flow';

/**
 * The designer's document, in the shape xyflow draws: a node or edge per flow node or edge, each
 * carrying its definition unchanged so that reading the graph back gives the flow it came from.
 * The model layer knows no React; these types match xyflow's Node and Edge structurally.
 */
export interface GraphNode {
  readonly id: string;
  readonly type: 'step';
  readonly position: FlowNodePosition;
  readonly data: { readonly node: Omit<FlowNode, 'position'>; readonly placed: boolean };
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly sourceHandle: string;
  readonly targetHandle: 'in';
  readonly data: { readonly edge: FlowEdge };
}

export type FlowHeader = Omit<FlowDefinition, 'nodes' | 'edges'>;

export interface FlowGraph {
  readonly header: FlowHeader;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

const ORIGIN: FlowNodePosition = { x: 0, y: 0 };

export function graphNode(node: FlowNode): GraphNode {
  const { position, ...rest } = node;
  return { id: node.id, type: 'step', position: position ?? ORIGIN, data: { node: rest, placed: position !== undefined } };
}

/** The port an edge leaves from: `sourceHandle`, else the node's only output. */
export function portOfEdge(edge: FlowEdge): string {
  return edge.sourceHandle ?? 'out';
}

export function graphEdge(edge: FlowEdge): GraphEdge {
  return { id: edge.id, source: edge.source, target: edge.target, sourceHandle: portOfEdge(edge), targetHandle: 'in', data: { edge } };
}

/** Nodes without a position are placed at the origin and marked, so the caller can lay them out. */
export function flowToGraph(flow: FlowDefinition): FlowGraph {
  const { nodes, edges, ...header } = flow;
  return { header, nodes: nodes.map(graphNode), edges: edges.map(graphEdge) };
}

/** The flow the graph stands for; a node keeps having no position until it is placed. */
export function graphToFlow(graph: FlowGraph): FlowDefinition {
  const nodes = graph.nodes.map((n): FlowNode => (n.data.placed ? { ...n.data.node, position: n.position } : { ...n.data.node }));
  return { ...graph.header, nodes, edges: graph.edges.map((e) => e.data.edge) };
}

/** Whether an output port may have several edges (conditions, parallel splits). */
export function isBranching(type: FlowNode['type'], port: string): boolean {
  return NODE_KINDS[type].outputs.some((p) => p.id === port && p.branching === true);
}
