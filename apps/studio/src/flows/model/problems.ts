import { validateDefinition, type FlowDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { validateFlow, type ValidateFlowOptions } from '@trellis/flow';

/** validateFlow's problems sorted to where the canvas shows them: on a node, on an edge, or on the flow. */
export interface ProblemMap {
  readonly nodes: ReadonlyMap<string, readonly Problem[]>;
  readonly edges: ReadonlyMap<string, readonly Problem[]>;
  readonly flow: readonly Problem[];
  readonly all: readonly Problem[];
}

function add(map: Map<string, Problem[]>, id: string, problem: Problem): void {
  const list = map.get(id);
  if (list === undefined) map.set(id, [problem]);
  else list.push(problem);
}

/** Paths are relative to the flow (`nodes.3.settings.approvers`, `edges.2`): the index names the element. */
export function mapProblems(flow: FlowDefinition, problems: readonly Problem[]): ProblemMap {
  const nodes = new Map<string, Problem[]>();
  const edges = new Map<string, Problem[]>();
  const rest: Problem[] = [];
  for (const problem of problems) {
    const [list, index] = problem.path.split('.');
    const at = Number(index);
    const node = list === 'nodes' && index !== undefined ? flow.nodes[at] : undefined;
    const edge = list === 'edges' && index !== undefined ? flow.edges[at] : undefined;
    if (node !== undefined) add(nodes, node.id, problem);
    else if (edge !== undefined) add(edges, edge.id, problem);
    else rest.push(problem);
  }
  // a step's own settings first: they are what its property panel fixes, and the marker shows the first
  for (const list of nodes.values()) list.sort((a, b) => Number(isSettings(b)) - Number(isSettings(a)));
  return { nodes, edges, flow: rest, all: problems };
}

const isSettings = (problem: Problem) => problem.path.split('.')[2] === 'settings';

/**
 * Everything that stops the flow from being published or run, placed: the format (what the server
 * checks on saving, e.g. a name given in one language only) and validateFlow. Publishing is blocked
 * while any is left.
 */
export function checkFlow(flow: FlowDefinition, options: ValidateFlowOptions = {}): ProblemMap {
  const format = validateDefinition('flow', flow);
  return mapProblems(flow, [...(format.ok ? [] : format.problems), ...validateFlow(flow, options)]);
}
