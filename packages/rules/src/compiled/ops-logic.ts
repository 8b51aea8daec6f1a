import type { Block } from './emitter.js';
import { UNDEFINED, type OpGenerator } from './compiler.js';
import { K_BOOL, booleanCode, literal, truthyCode, type Kind, type Val } from './kinds.js';

/** Appends `if (cond) { then } else { otherwise }` to `block`, each part generated into its own branch. */
function branch(block: Block, cond: string, then: (b: Block) => void, otherwise?: (b: Block) => void): void {
  const thenBlock = block.branch();
  then(thenBlock);
  block.emit(`if (${cond}) {`);
  block.lines.push(...thenBlock.lines);
  if (otherwise !== undefined) {
    const elseBlock = block.branch();
    otherwise(elseBlock);
    block.emit('} else {');
    block.lines.push(...elseBlock.lines);
  }
  block.emit('}');
}

/**
 * `if` and `?:`: pairs of condition and value, evaluated lazily; a last odd argument is the else
 * value, and without one the result is null. Each later condition runs only after the earlier ones,
 * so it sees what they computed.
 */
export const ifThenElse: OpGenerator = (c, block, args, escapes) => {
  if (args.length === 1) return c.value(args[0], block, escapes);
  const result = block.fn.temp();
  let kind: Kind = 0;
  const setResult = (b: Block, v: Val) => {
    b.emit(`${result} = ${v.code};`);
    kind |= v.kind;
  };
  const from = (b: Block, i: number): void => {
    if (i >= args.length - 1) {
      setResult(b, i === args.length - 1 ? c.value(args[i], b, escapes) : literal(null));
      return;
    }
    const cond = c.value(args[i], b, false);
    branch(b, truthyCode(cond), (then) => setResult(then, c.value(args[i + 1], then, escapes)), (otherwise) => from(otherwise, i + 2));
  };
  from(block, 0);
  return { code: result, kind };
};

/** `and` returns the first falsy argument or the last; `or` the first truthy or the last; none: undefined. */
function shortCircuit(stopWhenTruthy: boolean): OpGenerator {
  return (c, block, args, escapes) => {
    if (args.length === 0) return UNDEFINED;
    if (args.length === 1) return c.value(args[0], block, escapes);
    const result = block.fn.temp();
    let kind: Kind = 0;
    const from = (b: Block, i: number): void => {
      const v = c.value(args[i], b, escapes);
      b.emit(`${result} = ${v.code};`);
      kind |= v.kind;
      if (i === args.length - 1) return;
      const test = truthyCode(v);
      branch(b, stopWhenTruthy ? `!${test}` : test, (next) => from(next, i + 1));
    };
    from(block, 0);
    return { code: result, kind };
  };
}

export const and = shortCircuit(false);
export const or = shortCircuit(true);

function truthiness(negate: boolean): OpGenerator {
  return (c, block, args) => {
    const [v = UNDEFINED] = c.values(args, block, false);
    if (v.literal !== undefined) return literal(negate !== Boolean(v.literal.value));
    return block.assign(negate ? `!${truthyCode(v)}` : booleanCode(v), K_BOOL);
  };
}

export const not = truthiness(true);
export const notNot = truthiness(false);
