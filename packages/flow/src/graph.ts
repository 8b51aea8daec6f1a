import type { FlowDefinition, FlowEdge, FlowNode } from '@trellis/definitions';

/** The port an edge leaves from: its `sourceHandle`, else the node's single port `out`. */
export function portOf(edge: FlowEdge): string {
  return edge.sourceHandle ?? 'out';
}

/** A flow with its nodes and edges indexed once; engines hold on to one per flow version. */
export interface FlowGraph {
  readonly flow: FlowDefinition;
  readonly nodes: ReadonlyMap<string, FlowNode>;
  readonly index: ReadonlyMap<string, number>;
  /** edges leaving each node, in definition order */
  readonly out: ReadonlyMap<string, readonly FlowEdge[]>;
  readonly start: FlowNode | undefined;
}

const graphs = new WeakMap<FlowDefinition, FlowGraph>();

export function graphOf(flow: FlowDefinition): FlowGraph {
  const cached = graphs.get(flow);
  if (cached !== undefined) return cached;
  const nodes = new Map<string, FlowNode>();
  const index = new Map<string, number>();
  flow.nodes.forEach((node, i) => {
    if (!nodes.has(node.id)) {
      nodes.set(node.id, node);
      index.set(node.id, i);
    }
  });
  const out = new Map<string, FlowEdge[]>();
  for (const edge of flow.edges) out.set(edge.source, [...(out.get(edge.source) ?? []), edge]);
  const graph = { flow, nodes, index, out, start: flow.nodes.find((n) => n.type === 'start') };
  graphs.set(flow, graph);
  return graph;
}

export function edgesFrom(graph: FlowGraph, node: string, port?: string): readonly FlowEdge[] {
  const all = graph.out.get(node) ?? [];
  return port === undefined ? all : all.filter((edge) => portOf(edge) === port);
}

/** A node's settings as its kind's type; validateFlow has checked them against the kind's schema. */
export function settingsOf<T>(node: FlowNode): T {
  return (node.settings ?? {}) as T;
}
