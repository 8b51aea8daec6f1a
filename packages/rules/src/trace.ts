import type { JsonValue, Rule } from './types.js';
import { sharedJsonLogic } from './json-logic-engine.js';
import { ITERATORS } from './operators/names.js';
import { evaluateReference } from './reference.js';

/**
 * One evaluated position of a rule. `path` is a JSON pointer into the rule ('' is the root,
 * '/if/1' the second argument of a root `if`); `op` is the operator, or null for a literal or an
 * array of arguments; `value` is what the reference evaluator gives for that sub-expression.
 */
export interface TraceNode {
  readonly path: string;
  readonly op: string | null;
  readonly value: JsonValue;
  readonly args: readonly TraceNode[];
}

interface Traced {
  readonly node: TraceNode;
  /** the engine's own value, kept for truthiness (NaN is falsy, its rendering "NaN" is not) */
  readonly raw: unknown;
}

/**
 * Evaluates a rule and explains it: the value of every sub-expression the evaluator actually
 * evaluated. Branches that `if`/`?:`/`and`/`or` skip are left out (they may not even be valid for this
 * data). Iterators (map, filter, reduce, all, some, none) show their own value and the array they walk
 * (and reduce's initial value), not one trace per item. Throws exactly when evaluateReference throws.
 */
export function traceRule(rule: Rule, data?: unknown): { value: JsonValue; trace: TraceNode } {
  const value = evaluateReference(rule, data);
  return { value, trace: traceAt(rule, data, '').node };
}

function traceAt(rule: unknown, data: unknown, path: string): Traced {
  if (Array.isArray(rule)) {
    const items = rule.map((item, i) => traceAt(item, data, `${path}/${i}`));
    const raw = items.map((item) => item.raw);
    return { node: { path, op: null, value: traceValue(raw), args: items.map((item) => item.node) }, raw };
  }
  if (!sharedJsonLogic.is_logic(rule)) return { node: { path, op: null, value: rule as JsonValue, args: [] }, raw: rule };

  const op = Object.keys(rule as object)[0] as string;
  const given = (rule as Record<string, unknown>)[op];
  const list: unknown[] = Array.isArray(given) ? given : [given];
  const argPath = (i: number) => (Array.isArray(given) ? `${path}/${escapePointer(op)}/${i}` : `${path}/${escapePointer(op)}`);
  const traceArg = (i: number) => traceAt(list[i], data, argPath(i));

  // Every sub-expression is evaluated on the same data: iterator bodies, the only change of scope, are not traced.
  const raw = sharedJsonLogic.apply(rule, data);
  return { node: { path, op, value: traceValue(raw), args: evaluatedArgs(op, list.length, traceArg).map((t) => t.node) }, raw };
}

/** The arguments json-logic-js evaluates for this operation, in its order, traced. */
function evaluatedArgs(op: string, count: number, traceArg: (i: number) => Traced): Traced[] {
  const traced: Traced[] = [];
  const push = (i: number) => {
    const t = traceArg(i);
    traced.push(t);
    return sharedJsonLogic.truthy(t.raw);
  };
  if (op === 'if' || op === '?:') {
    let i = 0;
    for (; i < count - 1; i += 2) {
      if (push(i)) {
        push(i + 1);
        return traced;
      }
    }
    if (count === i + 1) push(i);
  } else if (op === 'and' || op === 'or') {
    for (let i = 0; i < count; i += 1) if (push(i) !== (op === 'and')) break;
  } else if (ITERATORS.has(op)) {
    if (count > 0) push(0);
    if (op === 'reduce' && count > 2) push(2);
  } else {
    for (let i = 0; i < count; i += 1) push(i);
  }
  return traced;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Intermediate values may be what JSON cannot carry (`{"!!": {"/": [1, 0]}}` is true, via Infinity):
 * they are shown as the strings "NaN", "Infinity", "-Infinity", and undefined as null.
 */
function traceValue(value: unknown): JsonValue {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(traceValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, traceValue(v)]));
  }
  return value as JsonValue;
}
