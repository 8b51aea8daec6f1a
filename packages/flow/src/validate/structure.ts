import type { FlowDefinition, FlowParallelJoinSettings } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { edgesFrom, graphOf, portOf, settingsOf } from '../graph.js';
import { NODE_KINDS } from '../node-kinds.js';
import { flowProblems } from '../problems.js';

function duplicates(items: readonly { id: string }[], at: string): Problem[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return [];
    }
    return [flowProblems.duplicateId(`${at}.${i}.id`, item.id)];
  });
}

function startAndEnd(flow: FlowDefinition): Problem[] {
  const starts = flow.nodes.flatMap((n, i) => (n.type === 'start' ? [i] : []));
  return [
    ...(starts.length === 0 ? [flowProblems.noStart()] : starts.slice(1).map((i) => flowProblems.multipleStarts(`nodes.${i}`))),
    ...(flow.nodes.some((n) => n.type === 'end') ? [] : [flowProblems.noEnd()]),
  ];
}

function edges(flow: FlowDefinition): Problem[] {
  const { nodes } = graphOf(flow);
  return flow.edges.flatMap((edge, i) => {
    const at = `edges.${i}`;
    const found: Problem[] = [];
    for (const end of ['source', 'target'] as const) {
      if (!nodes.has(edge[end])) found.push(flowProblems.unknownNode(`${at}.${end}`, edge[end]));
    }
    if (nodes.get(edge.target)?.type === 'start') found.push(flowProblems.edgeIntoStart(`${at}.target`));
    const source = nodes.get(edge.source);
    if (source === undefined) return found;
    const ports = NODE_KINDS[source.type].outputs;
    const port = ports.find((p) => p.id === portOf(edge));
    if (port === undefined) found.push(flowProblems.unknownPort(edge.sourceHandle === undefined ? at : `${at}.sourceHandle`, portOf(edge), ports.map((p) => p.id)));
    const conditional = edge.condition !== undefined || edge.isDefault === true;
    if (conditional && source.type !== 'condition' && source.type !== 'parallel_split') found.push(flowProblems.conditionMisplaced(at));
    if (source.type === 'condition' && edge.condition === undefined && edge.isDefault !== true) found.push(flowProblems.branchNoCondition(at));
    return found;
  });
}

/** Each output port of each node: connected, and only branching ports more than once. */
function ports(flow: FlowDefinition): Problem[] {
  const graph = graphOf(flow);
  return flow.nodes.flatMap((node, i) => {
    const at = `nodes.${i}`;
    const found = NODE_KINDS[node.type].outputs.flatMap((port) => {
      const count = edgesFrom(graph, node.id, port.id).length;
      if (count === 0) return [flowProblems.portUnconnected(at, port.id)];
      if (count > 1 && port.branching !== true) return [flowProblems.portAmbiguous(at, port.id)];
      return [];
    });
    if (node.type === 'condition') {
      const defaults = edgesFrom(graph, node.id).filter((e) => e.isDefault === true).length;
      if (defaults === 0) found.push(flowProblems.conditionNoDefault(at));
      if (defaults > 1) found.push(flowProblems.conditionManyDefaults(at));
    }
    return found;
  });
}

function splitsAndJoins(flow: FlowDefinition): Problem[] {
  const { nodes } = graphOf(flow);
  const joinsPerSplit = new Map<string, number>();
  const found = flow.nodes.flatMap((node, i) => {
    if (node.type !== 'parallel_join') return [];
    const split = settingsOf<Partial<FlowParallelJoinSettings>>(node).split;
    if (typeof split !== 'string') return []; // the settings schema reports it
    if (nodes.get(split)?.type !== 'parallel_split') return [flowProblems.joinUnknownSplit(`nodes.${i}.settings.split`, split)];
    joinsPerSplit.set(split, (joinsPerSplit.get(split) ?? 0) + 1);
    return [];
  });
  flow.nodes.forEach((node, i) => {
    const count = joinsPerSplit.get(node.id) ?? 0;
    if (node.type === 'parallel_split' && count !== 1) found.push(flowProblems.splitJoins(`nodes.${i}`, count));
  });
  return found;
}

function reachability(flow: FlowDefinition): Problem[] {
  const graph = graphOf(flow);
  if (graph.start === undefined) return [];
  const reached = new Set<string>([graph.start.id]);
  const queue = [graph.start.id];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of edgesFrom(graph, id)) {
      if (!reached.has(edge.target) && graph.nodes.has(edge.target)) {
        reached.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return flow.nodes.flatMap((node, i) => (reached.has(node.id) ? [] : [flowProblems.unreachable(`nodes.${i}`, node.id)]));
}

/** The graph: ids, one start, an end, edges between known nodes and ports, branches, splits and joins, reachability. */
export function checkStructure(flow: FlowDefinition): Problem[] {
  return [
    ...duplicates(flow.nodes, 'nodes'),
    ...duplicates(flow.edges, 'edges'),
    ...startAndEnd(flow),
    ...edges(flow),
    ...ports(flow),
    ...splitsAndJoins(flow),
    ...reachability(flow),
  ];
}
