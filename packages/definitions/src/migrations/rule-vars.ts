/**
 * Renames the data paths a JSON Logic rule reads (`{"var": "x"}`, `{"var": ["x", default]}`), for
 * migrations that move data to a new place. Only paths of the rule's own data are renamed: the
 * body of `map`, `filter`, `all`, `some`, `none` and `reduce` reads the current item (and
 * `accumulator`), so it is left alone; so is a path that is not a literal string.
 */
const ITERATING = new Set(['map', 'filter', 'all', 'some', 'none']);

type Rename = (path: string) => string;

function renameArgs(op: string, args: unknown, rename: Rename): unknown {
  if (!Array.isArray(args)) return renameVars(args, rename);
  // the data-reading arguments: the list (and reduce's initial value); the rest reads each item
  if (ITERATING.has(op)) return args.map((a, i) => (i === 0 ? renameVars(a, rename) : a));
  if (op === 'reduce') return args.map((a, i) => (i === 0 || i === 2 ? renameVars(a, rename) : a));
  return args.map((a) => renameVars(a, rename));
}

function renameVar(args: unknown, rename: Rename): unknown {
  if (typeof args === 'string') return rename(args);
  if (Array.isArray(args) && typeof args[0] === 'string') return [rename(args[0]), ...args.slice(1)];
  return args;
}

/** A copy of `rule` whose `var` paths are `rename(path)`. */
export function renameVars(rule: unknown, rename: Rename): unknown {
  if (Array.isArray(rule)) return rule.map((item) => renameVars(item, rename));
  if (typeof rule !== 'object' || rule === null) return rule;
  const entries = Object.entries(rule);
  // an operation is an object with one key; anything else is a literal object
  if (entries.length !== 1) return structuredClone(rule);
  const [op, args] = entries[0] as [string, unknown];
  return { [op]: op === 'var' ? renameVar(args, rename) : renameArgs(op, args, rename) };
}
