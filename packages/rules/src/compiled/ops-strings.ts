import { UNDEFINED, type OpGenerator } from './compiler.js';
import { K_BOOL, K_NUM, K_STR, literalCode, only, type Val } from './kinds.js';

/** One argument of `cat` as text, the way Array.prototype.join renders it (null and undefined as ""). */
function text(v: Val): string {
  if (v.literal !== undefined) {
    const value = v.literal.value;
    return literalCode(value === null || value === undefined ? '' : String(value));
  }
  if (only(v.kind, K_STR | K_NUM | K_BOOL)) return v.code;
  return `(${v.code} == null ? "" : String(${v.code}))`;
}

export const cat: OpGenerator = (c, block, args) => {
  const vs = c.values(args, block, false);
  return block.assign(['""', ...vs.map(text)].join(' + '), K_STR);
};

export const substr: OpGenerator = (c, block, args) => {
  const [source = UNDEFINED, start = UNDEFINED, length = UNDEFINED] = c.values(args, block, false);
  return block.assign(`SUB(${source.code}, ${start.code}, ${length.code})`, K_STR);
};
