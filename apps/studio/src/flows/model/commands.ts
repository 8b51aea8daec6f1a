import type { FlowEdge, FlowNode, FlowNodePosition } from '@trellis/definitions';
import { graphEdge, graphNode, type FlowGraph, type GraphNode } from './graph.js';

/**
 * Every edit of a flow, as data: the canvas and the panels send these, the history records the
 * graphs before and after, so undo and redo are the same for every kind of edit.
 */
export type FlowCommand =
  | { readonly type: 'addNode'; readonly node: FlowNode }
  | { readonly type: 'remove'; readonly nodes: readonly string[]; readonly edges: readonly string[] }
  | { readonly type: 'moveNodes'; readonly positions: Readonly<Record<string, FlowNodePosition>> }
  | { readonly type: 'connect'; readonly edge: FlowEdge }
  | { readonly type: 'updateNode'; readonly node: Omit<FlowNode, 'position'> }
  | { readonly type: 'updateEdge'; readonly edge: FlowEdge };

const samePosition = (a: FlowNodePosition, b: FlowNodePosition) => a.x === b.x && a.y === b.y;

function move(graph: FlowGraph, positions: Readonly<Record<string, FlowNodePosition>>): FlowGraph {
  let changed = false;
  const nodes = graph.nodes.map((n): GraphNode => {
    const to = positions[n.id];
    if (to === undefined || (n.data.placed && samePosition(n.position, to))) return n;
    changed = true;
    return { ...n, position: { x: Math.round(to.x), y: Math.round(to.y) }, data: n.data.placed ? n.data : { ...n.data, placed: true } };
  });
  return changed ? { ...graph, nodes } : graph;
}

function remove(graph: FlowGraph, nodeIds: readonly string[], edgeIds: readonly string[]): FlowGraph {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  // edges of a removed node go with it
  const keptEdges = graph.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
  const keptNodes = graph.nodes.filter((n) => !nodes.has(n.id));
  if (keptEdges.length === graph.edges.length && keptNodes.length === graph.nodes.length) return graph;
  return { ...graph, nodes: keptNodes, edges: keptEdges };
}

function connect(graph: FlowGraph, edge: FlowEdge): FlowGraph {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const port = edge.sourceHandle ?? 'out';
  const exists = graph.edges.some((e) => e.id === edge.id || (e.source === edge.source && e.target === edge.target && e.sourceHandle === port));
  if (exists || !ids.has(edge.source) || !ids.has(edge.target)) return graph;
  return { ...graph, edges: [...graph.edges, graphEdge(edge)] };
}

function updateNode(graph: FlowGraph, node: Omit<FlowNode, 'position'>): FlowGraph {
  const at = graph.nodes.findIndex((n) => n.id === node.id);
  const current = graph.nodes[at];
  if (current === undefined || current.data.node === node) return graph;
  const nodes = graph.nodes.slice();
  nodes[at] = { ...current, data: { ...current.data, node } };
  return { ...graph, nodes };
}

function updateEdge(graph: FlowGraph, edge: FlowEdge): FlowGraph {
  const at = graph.edges.findIndex((e) => e.id === edge.id);
  const current = graph.edges[at];
  if (current === undefined || current.data.edge === edge) return graph;
  const edges = graph.edges.slice();
  edges[at] = graphEdge(edge);
  return { ...graph, edges };
}

/** The graph after the command; the same object when the command changes nothing (so it is not recorded). */
export function applyCommand(graph: FlowGraph, command: FlowCommand): FlowGraph {
  switch (command.type) {
    case 'addNode':
      return graph.nodes.some((n) => n.id === command.node.id) ? graph : { ...graph, nodes: [...graph.nodes, graphNode(command.node)] };
    case 'remove': return remove(graph, command.nodes, command.edges);
    case 'moveNodes': return move(graph, command.positions);
    case 'connect': return connect(graph, command.edge);
    case 'updateNode': return updateNode(graph, command.node);
    case 'updateEdge': return updateEdge(graph, command.edge);
  }
}
