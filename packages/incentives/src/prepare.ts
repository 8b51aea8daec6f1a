import type { ProgramDefinition } from '@trellis/definitions';
import type { Rule } from '@trellis/rules';
import { predicateFn, ruleFn, type EvaluatorKind, type RuleFn } from './evaluator.js';
import { prepareTable, type PreparedTable } from './tables.js';

export type PreparedDerived =
  | { readonly id: string; readonly at: string; readonly kind: 'logic'; readonly rule: Rule; readonly fn: RuleFn }
  | { readonly id: string; readonly at: string; readonly kind: 'table'; readonly table: PreparedTable };

export type PreparedLine =
  | { readonly id: string; readonly at: string; readonly kind: 'amount'; readonly rule: Rule; readonly fn: RuleFn }
  | { readonly id: string; readonly at: string; readonly kind: 'base_rate'; readonly base: string; readonly rule: Rule; readonly fn: RuleFn };

/** A program's rules turned into functions once, for every subject of a run. */
export interface PreparedProgram {
  readonly eligibility: (data: unknown) => boolean;
  readonly derived: readonly PreparedDerived[];
  readonly lines: readonly PreparedLine[];
}

function prepare(program: ProgramDefinition, evaluator: EvaluatorKind): PreparedProgram {
  const derived = (program.derived ?? []).map((d, i): PreparedDerived => {
    const at = `derived.${i}`;
    if (d.table !== undefined) return { id: d.id, at: `${at}.table`, kind: 'table', table: prepareTable(d.table, evaluator) };
    const rule = (d.logic ?? null) as Rule;
    return { id: d.id, at: `${at}.logic`, kind: 'logic', rule, fn: ruleFn(rule, evaluator) };
  });
  const lines = program.lines.map((line, i): PreparedLine => {
    const at = `lines.${i}`;
    if (line.amount !== undefined) {
      const rule = line.amount as Rule;
      return { id: line.id, at: `${at}.amount`, kind: 'amount', rule, fn: ruleFn(rule, evaluator) };
    }
    const rule = (line.rate ?? null) as Rule;
    return { id: line.id, at: `${at}.rate`, kind: 'base_rate', base: line.base ?? '', rule, fn: ruleFn(rule, evaluator) };
  });
  return { eligibility: predicateFn(program.eligibility as Rule, evaluator), derived, lines };
}

const cache = new WeakMap<ProgramDefinition, Map<EvaluatorKind, PreparedProgram>>();

/** Prepared once per program object and evaluator (programs are not mutated once loaded). */
export function preparedProgram(program: ProgramDefinition, evaluator: EvaluatorKind): PreparedProgram {
  let byEvaluator = cache.get(program);
  if (byEvaluator === undefined) {
    byEvaluator = new Map();
    cache.set(program, byEvaluator);
  }
  let prepared = byEvaluator.get(evaluator);
  if (prepared === undefined) {
    prepared = prepare(program, evaluator);
    byEvaluator.set(evaluator, prepared);
  }
  return prepared;
}
