import { applyCommand, type FlowCommand } from './commands.js';
import type { FlowGraph } from './graph.js';

/** Undo/redo over immutable graphs: unchanged nodes are shared between steps, so a step costs little. */
export interface History {
  readonly past: readonly FlowGraph[];
  readonly present: FlowGraph;
  readonly future: readonly FlowGraph[];
}

/** Enough for a long editing session without holding every graph ever made. */
export const HISTORY_LIMIT = 200;

export const startHistory = (present: FlowGraph): History => ({ past: [], present, future: [] });

/** Runs a command; a command that changes nothing leaves the history (and the redo stack) alone. */
export function execute(history: History, command: FlowCommand): History {
  const next = applyCommand(history.present, command);
  if (next === history.present) return history;
  return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next, future: [] };
}

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo(history: History): History {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest };
}
