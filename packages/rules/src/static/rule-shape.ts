import type { Rule } from '../types.js';
import { ITERATORS } from '../operators/names.js';

/** One operation of a rule, as json-logic-js reads it: `{"op": x}` is `{"op": [x]}`. */
export interface Operation {
  readonly op: string;
  readonly args: readonly Rule[];
  /** the position of each argument */
  readonly argPaths: readonly string[];
}

/** Appends a key to a JSON-pointer-like position ('~' and '/' escaped as in RFC 6901). */
export function childPath(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** json-logic-js treats an object with exactly one key as an operation; every other object is data. */
export function asOperation(node: Rule, path: string): Operation | null {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) return null;
  const value = node[op] as Rule;
  const opPath = childPath(path, op);
  if (Array.isArray(value)) return { op, args: value, argPaths: value.map((_, i) => childPath(opPath, i)) };
  return { op, args: [value], argPaths: [opPath] };
}

/**
 * The deepest nesting any walker descends into. checkRuleSafety caps maxDepth at this and rejects
 * deeper rules before walking them; the other walkers stop descending here, so no rule overflows the stack.
 */
export const MAX_WALK_DEPTH = 1_000;

/** The argument of an iterator that is evaluated once per item, with the item as data. */
export const PER_ITEM_ARG = 1;

export function isIterator(op: string): boolean {
  return ITERATORS.has(op);
}

/** What a visitor learns about where an operation sits. */
export interface WalkContext {
  /** the iterators whose per-item logic encloses the operation, outermost first */
  readonly scopes: readonly { readonly op: string; readonly path: string }[];
}

/**
 * Visits every operation json-logic-js could evaluate (operation arguments and literal array items,
 * never the inside of literal objects, which are data), parents before children, down to MAX_WALK_DEPTH.
 */
export function walkOperations(
  rule: Rule,
  visit: (operation: Operation, path: string, context: WalkContext) => void,
): void {
  const walk = (node: Rule, path: string, context: WalkContext, depth: number): void => {
    if (depth > MAX_WALK_DEPTH) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, childPath(path, i), context, depth + 1));
      return;
    }
    const operation = asOperation(node, path);
    if (operation === null) return;
    visit(operation, path, context);
    const inner: WalkContext = { scopes: [...context.scopes, { op: operation.op, path }] };
    operation.args.forEach((arg, i) => {
      const perItem = isIterator(operation.op) && i === PER_ITEM_ARG;
      walk(arg, operation.argPaths[i] as string, perItem ? inner : context, depth + 1);
    });
  };
  walk(rule, '', { scopes: [] }, 1);
}
