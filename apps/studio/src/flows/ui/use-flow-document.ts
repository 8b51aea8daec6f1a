import { useCallback, useMemo, useReducer } from 'react';
import type { FlowDefinition } from '@trellis/definitions';
import type { ValidateFlowOptions } from '@trellis/flow';
import type { FlowCommand } from '../model/commands.js';
import { flowToGraph, graphToFlow, type FlowGraph } from '../model/graph.js';
import { execute, redo, startHistory, undo, type History } from '../model/history.js';
import { autoLayout } from '../model/layout.js';
import { checkFlow, type ProblemMap } from '../model/problems.js';

type Action =
  | { readonly type: 'command'; readonly command: FlowCommand }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' };

/** A flow whose nodes have no positions is laid out on opening, so it can be drawn. */
function opened(flow: FlowDefinition): FlowGraph {
  const graph = flowToGraph(flow);
  if (graph.nodes.every((n) => n.data.placed)) return graph;
  const positions = autoLayout(graph);
  return { ...graph, nodes: graph.nodes.map((n) => (n.data.placed ? n : { ...n, position: positions[n.id] ?? n.position, data: { ...n.data, placed: true } })) };
}

function reduce(history: History, action: Action): History {
  switch (action.type) {
    case 'command': return execute(history, action.command);
    case 'undo': return undo(history);
    case 'redo': return redo(history);
  }
}

export interface FlowDocument {
  readonly graph: FlowGraph;
  readonly flow: FlowDefinition;
  readonly problems: ProblemMap;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly run: (command: FlowCommand) => void;
  readonly undo: () => void;
  readonly redo: () => void;
}

/** The flow being edited with its history, and its problems, checked after every edit. Another flow: a new Designer (keyed). */
export function useFlowDocument(initial: FlowDefinition, options: ValidateFlowOptions): FlowDocument {
  const [history, dispatch] = useReducer(reduce, initial, (flow) => startHistory(opened(flow)));
  const graph = history.present;
  const flow = useMemo(() => graphToFlow(graph), [graph]);
  const problems = useMemo(() => checkFlow(flow, options), [flow, options]);
  const run = useCallback((command: FlowCommand) => dispatch({ type: 'command', command }), []);
  return {
    graph,
    flow,
    problems,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    run,
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
  };
}
