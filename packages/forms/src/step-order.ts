/**
 * The order in which computed fields and visibility rules run. One graph holds both, because each
 * can read the other: a formula may read a field that visibility drops (it must see the drop), and a
 * visibility rule may read a computed value (it must see the value). A node depends on
 *   - every computed field whose path overlaps a path it reads (`address` and `address.city` overlap);
 *   - every other visibility rule whose field overlaps a path it reads;
 *   - (visibility only) a computed field at or above its own field, so the drop removes that value.
 * A computed field below a hidden field is simply not written (see runtime), so no edge is needed
 * for that case. Reading one's own field is a cycle for a formula, but fine for a visibility rule
 * (it sees the value before deciding). Ties keep definition order, so evaluation is deterministic.
 */
import type { Problem } from '@trellis/errors';
import { listVarPaths, type Rule } from '@trellis/rules';
import type { FieldRule, FormModel } from './definition-model.js';
import { isWithin, pathsOverlap } from './field-path.js';
import { formProblems } from './problems.js';

export interface StepNode {
  readonly kind: 'computed' | 'visibility';
  readonly path: string;
  readonly reads: readonly string[];
}

export type StepOrder = { readonly ok: true; readonly order: number[] } | { readonly ok: false; readonly cycle: number[] };

function dependencies(nodes: readonly StepNode[], index: number): number[] {
  const node = nodes[index] as StepNode;
  const deps: number[] = [];
  nodes.forEach((other, j) => {
    const readsOther = node.reads.some((read) => pathsOverlap(read, other.path));
    const dependsOn =
      other.kind === 'computed'
        ? readsOther || (node.kind === 'visibility' && isWithin(node.path, other.path))
        : readsOther && j !== index;
    if (dependsOn) deps.push(j);
  });
  return deps;
}

export function orderSteps(nodes: readonly StepNode[]): StepOrder {
  const deps = nodes.map((_, i) => dependencies(nodes, i));
  const done = new Array<boolean>(nodes.length).fill(false);
  const order: number[] = [];
  let progressed = true;
  while (order.length < nodes.length && progressed) {
    progressed = false;
    for (let i = 0; i < nodes.length; i++) {
      if (!done[i] && (deps[i] as number[]).every((d) => done[d])) {
        done[i] = true;
        order.push(i);
        progressed = true;
        break;
      }
    }
  }
  return order.length === nodes.length ? { ok: true, order } : { ok: false, cycle: findCycle(deps, done) };
}

/** A cycle among the nodes left unordered: each of them waits on another one left, so walking always closes a loop. */
function findCycle(deps: readonly number[][], done: readonly boolean[]): number[] {
  const start = done.indexOf(false);
  const seen = new Map<number, number>();
  const walk: number[] = [];
  let current = start;
  while (!seen.has(current)) {
    seen.set(current, walk.length);
    walk.push(current);
    current = (deps[current] as number[]).find((d) => !done[d]) as number;
  }
  return walk.slice(seen.get(current));
}

/**
 * The record paths a rule reads: constant `var`/`missing` paths read from the rule's data (not from
 * an iterator's items). Paths built at run time cannot be known; the schema check rejects them.
 */
function recordPathsRead(rule: Rule): string[] {
  return listVarPaths(rule).flatMap((use) => (use.itemOf === null && use.path !== '' ? [use.path] : []));
}

export type FieldStepOrder =
  | { readonly ok: true; readonly nodes: readonly FieldRule[]; readonly kinds: readonly StepNode['kind'][]; readonly order: readonly number[] }
  | { readonly ok: false; readonly problem: Problem };

/** The definition's computed fields and visibility rules, in evaluation order, or the cycle that prevents one. */
export function orderFieldSteps(model: FormModel): FieldStepOrder {
  const nodes = [...model.computed, ...model.visibility];
  const kinds = nodes.map((_, i): StepNode['kind'] => (i < model.computed.length ? 'computed' : 'visibility'));
  const result = orderSteps(nodes.map((n, i) => ({ kind: kinds[i] as StepNode['kind'], path: n.path, reads: recordPathsRead(n.rule) })));
  if (result.ok) return { ok: true, nodes, kinds, order: result.order };
  const cycle = result.cycle.map((i) => (nodes[i] as FieldRule).path);
  const first = nodes[result.cycle[0] as number] as FieldRule;
  const report = result.cycle.some((i) => kinds[i] === 'computed') ? formProblems.computedCycle : formProblems.visibilityCycle;
  return { ok: false, problem: report(first.location, [...cycle, cycle[0] as string]) };
}
