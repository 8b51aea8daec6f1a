import type { FlowDefinition } from '@trellis/definitions';
import { changedPaths } from '@trellis/templates';

/**
 * One line of a version diff: a step, a connection or the flow itself, added, removed, changed
 * (where), or only moved on the canvas (which changes nothing an instance does).
 */
export interface FlowChange {
  readonly scope: 'flow' | 'node' | 'edge';
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed' | 'moved';
  /** JSON pointers inside the element, for a change */
  readonly paths: readonly string[];
}

function byId<T extends { id: string }>(scope: 'node' | 'edge', before: readonly T[], after: readonly T[]): FlowChange[] {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set(after.map((x) => x.id));
  const changes = after.flatMap((x): FlowChange[] => {
    const was = old.get(x.id);
    if (was === undefined) return [{ scope, id: x.id, change: 'added', paths: [] }];
    const paths = changedPaths(was, x);
    if (paths.length === 0) return [];
    return [{ scope, id: x.id, change: paths.every((p) => p.startsWith('/position')) ? 'moved' : 'changed', paths }];
  });
  return [...changes, ...before.filter((x) => !now.has(x.id)).map((x): FlowChange => ({ scope, id: x.id, change: 'removed', paths: [] }))];
}

/**
 * What publishing `after` changes against the published `before`, by element id: the same
 * JSON-pointer diff the server keeps between versions (changedPaths), but a step inserted in the
 * middle reads as one added step rather than every later index changed.
 */
export function flowChanges(before: FlowDefinition, after: FlowDefinition): FlowChange[] {
  const { nodes: _n, edges: _e, ...oldHeader } = before;
  const { nodes: _n2, edges: _e2, ...newHeader } = after;
  const header = changedPaths(oldHeader, newHeader);
  return [
    ...(header.length === 0 ? [] : [{ scope: 'flow' as const, id: after.id, change: 'changed' as const, paths: header }]),
    ...byId('node', before.nodes, after.nodes),
    ...byId('edge', before.edges, after.edges),
  ];
}
