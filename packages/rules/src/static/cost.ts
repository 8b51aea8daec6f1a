import type { Problem } from '@trellis/errors';
import type { Rule } from '../types.js';
import { asOperation, isIterator, PER_ITEM_ARG, type Operation, type WalkContext } from './rule-shape.js';
import { varRefs } from './var-refs.js';
import { staticProblems } from './problems.js';

/** Operations whose result can be as large as all their arguments together. */
const GROWING = new Set(['merge', 'cat']);

/**
 * How often a rule reads `reduce`'s accumulator, in the data it is evaluated with: `accumulator…`,
 * the whole data (`""`, which holds it) and computed paths (which may name it). Nested iterators'
 * per-item logic has other data, so it is not counted.
 */
function accumulatorReads(node: Rule): number {
  if (Array.isArray(node)) return node.reduce<number>((n, item) => n + accumulatorReads(item), 0);
  const operation = asOperation(node, '');
  if (operation === null) return 0;
  const own = varRefs(operation, '').filter((ref) => ref.kind === 'dynamic' || (!ref.item
    && (ref.path === '' || ref.path === 'accumulator' || ref.path.startsWith('accumulator.')))).length;
  return operation.args.reduce<number>((n, arg, i) =>
    (isIterator(operation.op) && i === PER_ITEM_ARG ? n : n + accumulatorReads(arg)), own);
}

/**
 * RULE_COST_EXPLOSION, defined as either
 * - an iterator (map, filter, reduce, all, some, none) inside the per-item logic of `maxIteratorNesting`
 *   other iterators: nested loops multiply their array lengths (reported once, at the outermost excess);
 * - inside a `reduce`'s per-item logic, a `merge` or `cat` that reads the accumulator more than once: the
 *   accumulator then at least doubles with every item, so the cost is exponential in the array length.
 * Reading it once (collecting items one by one) grows linearly; the run-time limits bound that.
 */
export function costProblems(operation: Operation, path: string, { scopes }: WalkContext, maxIteratorNesting: number): Problem[] {
  const { op } = operation;
  if (isIterator(op) && scopes.length === maxIteratorNesting) return [staticProblems.nestedIterators(path, op, maxIteratorNesting)];
  if (GROWING.has(op) && scopes.at(-1)?.op === 'reduce') {
    const reads = accumulatorReads(operation.args as Rule[]);
    if (reads > 1) return [staticProblems.growingAccumulator(path, op, reads)];
  }
  return [];
}
