import type { FlowEdge, FlowNode, FlowNodePosition, FlowNodeType } from '@trellis/definitions';
import { NODE_KINDS } from '@trellis/flow';
import type { FlowGraph } from './graph.js';
import { defaultOf, settingsSpec } from './settings-spec.js';

/** The first of `base`, `base_2`, `base_3`, … not taken (ids are slugs: `^[a-z][a-z0-9_]*$`). */
export function freshId(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}_${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A node of a kind as the palette drops it: labelled as its kind, settings at their defaults. */
export function newNode(graph: FlowGraph, type: FlowNodeType, position: FlowNodePosition): FlowNode {
  const kind = NODE_KINDS[type];
  const settings = defaultOf(settingsSpec(kind.settingsSchema)) as Record<string, unknown>;
  const id = freshId(new Set(graph.nodes.map((n) => n.id)), type);
  return {
    id,
    type,
    label: { ...kind.label },
    ...(Object.keys(settings).length > 0 ? { settings } : {}),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
}

/** An edge from a port; `sourceHandle` is left out for a node's only port `out`, as the format reads it. */
export function newEdge(graph: FlowGraph, source: string, port: string, target: string): FlowEdge {
  const taken = new Set(graph.edges.map((e) => e.id));
  let n = graph.edges.length + 1;
  while (taken.has(`e${n}`)) n++;
  const id = `e${n}`;
  return { id, source, target, ...(port === 'out' ? {} : { sourceHandle: port }) };
}
