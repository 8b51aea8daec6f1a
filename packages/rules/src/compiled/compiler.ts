import type { Block, FunctionBuilder } from './emitter.js';
import { literal, type Val } from './kinds.js';

/** What an operator's code generator can ask of the compiler. */
export interface Compiler {
  readonly fn: FunctionBuilder;
  /**
   * Generates `node` at the end of `block` and returns its value. `escapes`: the value may leave the
   * rule as is (be returned, or stored in a returned array), so it must be a fresh copy where
   * json-logic-js makes one; otherwise constant arrays may be shared between evaluations.
   */
  value(node: unknown, block: Block, escapes: boolean): Val;
  /** Every argument, in order (json-logic-js evaluates them all before applying the operator). */
  values(args: readonly unknown[], block: Block, escapes: boolean): Val[];
}

/** Generates one operator from its (unevaluated) arguments. */
export type OpGenerator = (c: Compiler, block: Block, args: readonly unknown[], escapes: boolean) => Val;

/** Where an operator leaves out an argument, json-logic-js sees undefined. */
export const UNDEFINED: Val = literal(undefined);
