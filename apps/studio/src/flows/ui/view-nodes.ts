import type { Problem } from '@trellis/errors';
import type { FlowGraph } from '../model/graph.js';
import type { ProblemMap } from '../model/problems.js';
import type { StepViewNode } from './StepNode.js';

const NONE: readonly Problem[] = [];

const sameProblems = (a: readonly Problem[], b: readonly Problem[]) =>
  a.length === b.length && a.every((p, i) => p.code === b[i]?.code && p.path === b[i]?.path && p.message.en === b[i]?.message.en);

/**
 * The canvas nodes for a graph, reusing every previous node object whose step, position and
 * problems did not change: xyflow and the memoised StepNode then skip them, which keeps large
 * flows smooth. What only the canvas knows (selection, measured size) is kept.
 */
export function syncViewNodes(previous: readonly StepViewNode[], graph: FlowGraph, problems: ProblemMap): StepViewNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return graph.nodes.map((g) => {
    const old = before.get(g.id);
    const found = problems.nodes.get(g.id) ?? NONE;
    const keptProblems = old !== undefined && sameProblems(old.data.problems, found) ? old.data.problems : found;
    if (old !== undefined && old.data.node === g.data.node && old.data.problems === keptProblems
      && old.position.x === g.position.x && old.position.y === g.position.y) return old;
    return { ...old, id: g.id, type: 'step', position: g.position, data: { node: g.data.node, problems: keptProblems } };
  });
}
