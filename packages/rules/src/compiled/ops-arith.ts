import { UNDEFINED, type OpGenerator } from './compiler.js';
import { K_NUM, K_UNDEF, literalCode, parseFloatCode, type Val } from './kinds.js';

/** json-logic-js's parseFloat(x), folded for literals. */
function number(v: Val, keepNegativeZero: boolean): string {
  return v.literal !== undefined ? literalCode(parseFloat(v.literal.value as string)) : parseFloatCode(v, keepNegativeZero);
}

/**
 * `+` is 0 + parseFloat(a) + parseFloat(b)…. parseFloat changes a number only by turning -0 into 0,
 * and after the leading 0 + no sum can tell the difference, so numbers are added as they are.
 */
export const plus: OpGenerator = (c, block, args) => {
  const vs = c.values(args, block, false);
  return block.assign(['0', ...vs.map((v) => number(v, true))].join(' + '), K_NUM);
};

/**
 * `*` reduces without an initial value: no argument is a TypeError, one argument is returned as it
 * is (not even parsed), and each intermediate product is parsed again (so -0 becomes 0 on the way).
 */
export const times: OpGenerator = (c, block, args, escapes) => {
  // a single argument is the result itself, so it escapes when the product does
  const vs = args.length === 1 ? [c.value(args[0], block, escapes)] : c.values(args, block, false);
  const [first, ...rest] = vs;
  if (first === undefined) {
    block.emit('throw E0();');
    return UNDEFINED;
  }
  if (rest.length === 0) return first;
  const product = rest.reduce((acc, v, i) => `${i === 0 ? acc : `(${acc} + 0)`} * ${number(v, false)}`, number(first, false));
  return block.assign(product, K_NUM);
};

/** `-`: negation with one argument, or when the second evaluates to undefined. */
export const minus: OpGenerator = (c, block, args) => {
  const [a = UNDEFINED, b] = c.values(args, block, false);
  const negate = `-(${a.code})`;
  if (b === undefined) return block.assign(negate, K_NUM);
  const difference = `${a.code} - ${b.code}`;
  return block.assign((b.kind & K_UNDEF) === 0 ? difference : `${b.code} === void 0 ? ${negate} : ${difference}`, K_NUM);
};

export function binaryNumeric(operator: '/' | '%'): OpGenerator {
  return (c, block, args) => {
    const [a = UNDEFINED, b = UNDEFINED] = c.values(args, block, false);
    return block.assign(`${a.code} ${operator} ${b.code}`, K_NUM);
  };
}

export function extreme(fn: 'min' | 'max'): OpGenerator {
  return (c, block, args) => {
    const vs = c.values(args, block, false);
    return block.assign(`Math.${fn}(${vs.map((v) => v.code).join(', ')})`, K_NUM);
  };
}
