import { reduceScope, type Block, type Scope } from './emitter.js';
import { UNDEFINED, type Compiler, type OpGenerator } from './compiler.js';
import { K_ARR, K_BOOL, literal, literalCode, only, truthyCode, type Val } from './kinds.js';

/** Throws RULE_BUDGET_EXCEEDED when an array the rule makes or walks is longer than the limit. */
function checkLength(block: Block, length: string): void {
  const max = block.fn.limits.maxArrayLength;
  block.emit(`if (${length} > ${literalCode(max)}) throw LONG(${literalCode(max)});`);
}

/** `merge`: every argument, arrays flattened one level, into a new array. */
export const merge: OpGenerator = (c, block, args) => {
  const vs = c.values(args, block, false);
  const merged = block.assign(`[].concat(${vs.map((v) => v.code).join(', ')})`, K_ARR);
  checkLength(block, `${merged.code}.length`);
  return merged;
};

/** `in`: substring test for strings, membership for arrays, false for anything else. */
export const contains: OpGenerator = (c, block, args) => {
  const [needle = UNDEFINED, haystack = UNDEFINED] = c.values(args, block, false);
  if (haystack.literal !== undefined) {
    const h = haystack.literal.value;
    return typeof h === 'string' && h !== '' ? block.assign(`${haystack.code}.indexOf(${needle.code}) !== -1`, K_BOOL) : literal(false);
  }
  // arrays the rule itself makes are plain arrays: no need to look for an `indexOf` of their own
  if (only(haystack.kind, K_ARR)) return block.assign(`${haystack.code}.indexOf(${needle.code}) !== -1`, K_BOOL);
  return block.assign(`IN(${needle.code}, ${haystack.code})`, K_BOOL);
};

type IteratorName = 'map' | 'filter' | 'reduce' | 'all' | 'some' | 'none';

/** How each iterator starts, what it does with each item's value, and its result for a non-array. */
const SHAPES: Record<Exclude<IteratorName, 'reduce'>, {
  readonly empty: string;
  readonly start: string;
  readonly onItem: (result: string, value: Val, item: string) => string;
  readonly bodyEscapes: boolean;
  readonly walksEmpty: boolean;
}> = {
  map: { empty: '[]', start: '[]', onItem: (r, v) => `${r}.push(${v.code});`, bodyEscapes: true, walksEmpty: true },
  filter: { empty: '[]', start: '[]', onItem: (r, v, item) => `if (${truthyCode(v)}) ${r}.push(${item});`, bodyEscapes: false, walksEmpty: true },
  all: { empty: 'false', start: 'true', onItem: (r, v) => `if (!${truthyCode(v)}) { ${r} = false; break; }`, bodyEscapes: false, walksEmpty: false },
  some: { empty: 'false', start: 'false', onItem: (r, v) => `if (${truthyCode(v)}) { ${r} = true; break; }`, bodyEscapes: false, walksEmpty: false },
  none: { empty: 'true', start: 'true', onItem: (r, v) => `if (${truthyCode(v)}) { ${r} = false; break; }`, bodyEscapes: false, walksEmpty: false },
};

/** The loop around the per-item logic, with the step budget counted once per item. */
function loop(
  c: Compiler,
  block: Block,
  array: string,
  logic: unknown,
  bodyEscapes: boolean,
  enter: (body: Block, item: string) => Scope,
  after: (body: Block, value: Val, item: string) => void,
): void {
  const { fn } = block;
  const [i, length, item] = [fn.temp(), fn.temp(), fn.temp()];
  fn.usesSteps = true;
  const max = literalCode(fn.limits.maxSteps);
  block.emit(`${length} = ${array}.length;`);
  block.emit(`for (${i} = 0; ${i} < ${length}; ${i}++) {`);
  block.emit(`if (++steps > ${max}) throw OVER(${max});`);
  block.emit(`${item} = ${array}[${i}];`);
  const body = block.loopBody((b) => enter(b, item));
  after(body, logic === undefined ? UNDEFINED : c.value(logic, body, bodyEscapes), item);
  block.lines.push(...body.lines);
  block.emit('}');
}

/** `map`, `filter`, `all`, `some`, `none`: the per-item logic runs with each item as its data. */
export function iterate(name: Exclude<IteratorName, 'reduce'>): OpGenerator {
  const shape = SHAPES[name];
  return (c, block, args) => {
    const array = c.value(args[0], block, false);
    const returnsArray = name === 'map' || name === 'filter';
    // a literal is never an array (array literals are hoisted or built), and `5.length` is no JS
    if (array.literal !== undefined) return returnsArray ? block.assign('[]', K_ARR) : literal(shape.empty === 'true');
    const result = block.fn.temp();
    const isNonEmptyArray = shape.walksEmpty ? `Array.isArray(${array.code})` : `Array.isArray(${array.code}) && ${array.code}.length`;
    block.emit(`if (${isNonEmptyArray}) {`);
    if (shape.walksEmpty) checkLength(block, `${array.code}.length`);
    block.emit(`${result} = ${shape.start};`);
    loop(c, block, array.code, args[1], shape.bodyEscapes,
      (body, item) => ({ id: body.fn.scopeId(), kind: 'value', data: body.fn.handle(item, body) }),
      (body, value, item) => body.emit(shape.onItem(result, value, item)));
    block.emit(`} else ${result} = ${shape.empty};`);
    return { code: result, kind: returnsArray ? K_ARR : K_BOOL };
  };
}

/** `reduce`: the per-item logic sees {current, accumulator}; the initial value (or null) is evaluated first. */
export const reduce: OpGenerator = (c, block, args, escapes) => {
  const array = c.value(args[0], block, false);
  const initial = args[2] === undefined ? literal(null) : c.value(args[2], block, escapes);
  if (array.literal !== undefined) return initial;
  const accumulator = block.fn.temp();
  block.emit(`${accumulator} = ${initial.code};`);
  let kind = initial.kind;
  block.emit(`if (Array.isArray(${array.code})) {`);
  loop(c, block, array.code, args[1], escapes,
    (body, item) => reduceScope(body.fn, body, item, accumulator),
    (body, value) => {
      kind |= value.kind;
      body.emit(`${accumulator} = ${value.code};`);
    });
  block.emit('}');
  return { code: accumulator, kind };
};
