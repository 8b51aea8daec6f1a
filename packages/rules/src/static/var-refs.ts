import type { Rule } from '../types.js';
import { AGGREGATES } from './signatures.js';
import { childPath, walkOperations, type Operation } from './rule-shape.js';

/**
 * A field path an operation reads. `item` paths (the field of `sum` & co.) are read from each item of
 * the operation's first argument; the others from the data the operation is evaluated with.
 */
export type VarRef =
  | { readonly kind: 'constant'; readonly path: string; readonly position: string; readonly item: boolean }
  | { readonly kind: 'dynamic'; readonly position: string };

/** json-logic-js turns the path into text with String(); only text, numbers and null are meant as paths. */
function refOf(value: Rule, position: string, item: boolean): VarRef {
  if (typeof value === 'string' || typeof value === 'number') return { kind: 'constant', path: String(value), position, item };
  if (value === null) return { kind: 'constant', path: '', position, item };
  return { kind: 'dynamic', position };
}

function keyRefs(keys: readonly Rule[], keysPath: (i: number) => string): VarRef[] {
  return keys.map((key, i) => refOf(key, keysPath(i), false));
}

/** The field paths one operation reads: `var`, `missing`, `missing_some` keys and the aggregates' field. */
export function varRefs({ op, args, argPaths }: Operation, path: string): VarRef[] {
  const first = args[0];
  switch (op) {
    case 'var':
      return [first === undefined ? refOf(null, path, false) : refOf(first, argPaths[0] as string, false)];
    case 'missing':
      // json-logic-js reads one array argument as the list of keys
      if (args.length === 1 && Array.isArray(first)) return keyRefs(first, (i) => childPath(argPaths[0] as string, i));
      return keyRefs(args, (i) => argPaths[i] as string);
    case 'missing_some': {
      const keys = args[1];
      if (keys === undefined) return [];
      if (Array.isArray(keys)) return keyRefs(keys, (i) => childPath(argPaths[1] as string, i));
      return [{ kind: 'dynamic', position: argPaths[1] as string }];
    }
    default: {
      const field = args[1];
      if (!AGGREGATES.has(op) || field === undefined || field === null) return [];
      // a literal text field is a path; anything else is reported as malformed by the safety check
      return typeof field === 'string' ? [{ kind: 'constant', path: field, position: argPaths[1] as string, item: true }] : [];
    }
  }
}

/** A constant field path a rule reads, where, and whose data it is read from. */
export interface VarPathUse {
  readonly path: string;
  readonly position: string;
  /**
   * null when the path is read from the rule's data; else the position of the operation over whose
   * items it is read (an iterator's per-item logic, or the field of `sum` & co.). Inside `reduce`
   * the data is `{current, accumulator}`.
   */
  readonly itemOf: string | null;
}

/** Every constant field path a rule reads. Dynamic paths are not listed (the schema check rejects them). */
export function listVarPaths(rule: Rule): VarPathUse[] {
  const uses: VarPathUse[] = [];
  walkOperations(rule, (operation, path, { scopes }) => {
    const scope = scopes.at(-1)?.path ?? null;
    for (const ref of varRefs(operation, path)) {
      if (ref.kind === 'constant') uses.push({ path: ref.path, position: ref.position, itemOf: ref.item ? path : scope });
    }
  });
  return uses;
}
