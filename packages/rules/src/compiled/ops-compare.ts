import { UNDEFINED, type OpGenerator } from './compiler.js';
import { K_BOOL, K_UNDEF } from './kinds.js';

/** `==`, `===`, `!=`, `!==`, `>`, `>=`: JS's own operator on the first two arguments. */
export function binary(operator: '==' | '===' | '!=' | '!==' | '>' | '>='): OpGenerator {
  return (c, block, args) => {
    const [a = UNDEFINED, b = UNDEFINED] = c.values(args, block, false);
    return block.assign(`${a.code} ${operator} ${b.code}`, K_BOOL);
  };
}

/** `<` and `<=` also take three arguments (a between test), unless the third evaluates to undefined. */
export function between(operator: '<' | '<='): OpGenerator {
  return (c, block, args) => {
    const [a = UNDEFINED, b = UNDEFINED, third] = c.values(args, block, false);
    const pair = `${a.code} ${operator} ${b.code}`;
    if (third === undefined) return block.assign(pair, K_BOOL);
    const both = `${pair} && ${b.code} ${operator} ${third.code}`;
    return block.assign((third.kind & K_UNDEF) === 0 ? both : `${third.code} === void 0 ? ${pair} : ${both}`, K_BOOL);
  };
}
