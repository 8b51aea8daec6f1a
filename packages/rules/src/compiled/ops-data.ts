import { isForbiddenSegment } from '../var-lookup.js';
import { Handle, type Block } from './emitter.js';
import { UNDEFINED, type OpGenerator } from './compiler.js';
import { K_ANY, K_ARR, K_FOUND, K_NULL, K_OBJ, K_UNDEF, isPrimitive, literal, literalCode, type Primitive, type Val } from './kinds.js';

/** The data operations see, whole: `{"var": ""}` returns it. */
function wholeData(block: Block): Val {
  const { scope } = block;
  return scope.kind === 'value' ? scope.data : { code: scope.whole(), kind: K_OBJ };
}

/**
 * The value at a constant path, or undefined when lookupVar would not find it. Each prefix is read
 * once per block and remembered, so `partner.kind` and `partner.tier` read `partner` once.
 */
function readPath(block: Block, segments: readonly string[]): Val {
  if (segments.some(isForbiddenSegment)) return UNDEFINED;
  const { scope } = block;
  let current: Handle;
  let start: number;
  if (scope.kind === 'value') {
    current = scope.data;
    start = 0;
  } else {
    // reduce's data object has exactly two own properties
    const first = segments[0];
    if (first !== 'current' && first !== 'accumulator') return UNDEFINED;
    current = first === 'current' ? scope.current : scope.accumulator;
    start = 1;
  }
  for (let i = start; i < segments.length; i++) {
    const key = `read|${scope.id}|${JSON.stringify(segments.slice(0, i + 1))}`;
    const known = block.lookup(key);
    if (known instanceof Handle) {
      current = known;
      continue;
    }
    const value = block.assign(current.read(segments[i] as string), K_ANY);
    current = block.fn.handle(value.code, block);
    block.remember(key, current);
  }
  return current;
}

/** lookupVar's answer for a path known while compiling; `fallback` is the evaluated default, if any. */
function constantVar(block: Block, path: Primitive, fallback: Val | undefined): Val {
  if (path === undefined || path === null || path === '') return wholeData(block);
  const raw = readPath(block, String(path).split('.'));
  const orNull = fallback === undefined ? literal(null)
    : (fallback.kind & K_UNDEF) === 0 ? fallback
      : block.assign(`${fallback.code} === void 0 ? null : ${fallback.code}`, (fallback.kind & ~K_UNDEF) | K_NULL);
  if (raw === UNDEFINED) return orNull;
  return block.assign(`${raw.code} === void 0 ? ${orNull.code} : ${raw.code}`, K_FOUND | orNull.kind);
}

/**
 * The same, read once per block: data does not change during an evaluation, and a read gives the
 * same value (the same object) every time. A default that is not a literal is a fresh value, so
 * those lookups are not shared.
 */
function varValue(block: Block, path: Primitive, fallback: Val | undefined): Val {
  const shared = fallback === undefined || fallback.literal !== undefined;
  const key = `var|${block.scope.id}|${literalCode(path)}|${fallback?.code ?? ''}`;
  const known = shared ? block.lookup(key) : undefined;
  if (known !== undefined) return known;
  const value = constantVar(block, path, fallback);
  if (shared) block.remember(key, value);
  return value;
}

/** `var`: path, default (evaluated even when unused) and any extra arguments, in order. */
export const variable: OpGenerator = (c, block, args, escapes) => {
  const [path] = args;
  const dynamicPath = isPrimitive(path) ? null : c.value(path, block, false);
  const fallback = args.length > 1 ? c.value(args[1], block, escapes) : undefined;
  c.values(args.slice(2), block, false);
  if (dynamicPath === null) return varValue(block, path as Primitive, fallback);
  return block.assign(`L(${wholeData(block).code}, ${dynamicPath.code}, ${fallback?.code ?? 'void 0'})`, K_ANY);
};

/** `missing` with keys known while compiling: each key read in place, no helper, no argument array. */
function missingOf(block: Block, keys: readonly Primitive[]): Val {
  const result = block.assign('[]', K_ARR);
  for (const key of keys) {
    const value = varValue(block, key, undefined);
    block.emit(`if (${value.code} === null || ${value.code} === "") ${result.code}.push(${literalCode(key)});`);
  }
  return result;
}

const allPrimitive = (values: readonly unknown[]): values is Primitive[] => values.every(isPrimitive);

/** The keys of a `missing` whose arguments are all literals (one array argument is the key list). */
function literalKeys(args: readonly unknown[]): Primitive[] | null {
  const [first] = args;
  if (Array.isArray(first)) return allPrimitive(first) ? first : null;
  return allPrimitive(args) ? args : null;
}

export const missing: OpGenerator = (c, block, args) => {
  const keys = literalKeys(args);
  if (keys === null) {
    // keys the helper does not find are returned, so they escape
    const vs = c.values(args, block, true);
    return block.assign(`MISS(${wholeData(block).code}, [${vs.map((v) => v.code).join(', ')}])`, K_ARR);
  }
  c.values(args.slice(1), block, false);
  return missingOf(block, keys);
};

/** `missing_some`: [] when at least `need` of the keys are present, else the missing ones. */
export const missingSome: OpGenerator = (c, block, args) => {
  const need = args.length > 0 ? c.value(args[0], block, false) : UNDEFINED;
  const options = args[1];
  if (Array.isArray(options) && allPrimitive(options)) {
    c.values(args.slice(2), block, false);
    const found = missingOf(block, options);
    return block.assign(`${options.length} - ${found.code}.length >= ${need.code} ? [] : ${found.code}`, K_ARR);
  }
  const [keys = UNDEFINED] = c.values(args.slice(1, 2), block, true);
  c.values(args.slice(2), block, false);
  return block.assign(`MSOME(${wholeData(block).code}, ${need.code}, ${keys.code})`, K_ARR);
};
