/**
 * Results grouped by a field of their subjects' records (chosen by the admin: a region, a tier…):
 * per group, the paid total and the number of subjects, for the charts of a run.
 */
import type { RunResult } from './types.js';

export interface GroupTotal {
  readonly group: string;
  readonly total: number;
  readonly count: number;
}

/** `groupOf` maps a subject key to its group's value; subjects without one fall into `unknown`. */
export function groupTotals(results: readonly RunResult[], groupOf: ReadonlyMap<string, string>, unknown: string): GroupTotal[] {
  const groups = new Map<string, { total: number; count: number }>();
  for (const r of results) {
    const group = groupOf.get(r.subject) ?? unknown;
    const current = groups.get(group) ?? { total: 0, count: 0 };
    groups.set(group, { total: current.total + Number(r.amount), count: current.count + 1 });
  }
  return [...groups].map(([group, g]) => ({ group, total: Math.round(g.total * 100) / 100, count: g.count }))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
