import type { Rule, RuleLimits } from '../types.js';
import { CUSTOM_OPERATORS, ITERATORS, type Operator } from '../operators/names.js';
import { customOperators } from '../operators/custom.js';
import { asOperation } from '../static/rule-shape.js';
import { FunctionBuilder, rootBlock, type Block } from './emitter.js';
import { UNDEFINED, type Compiler, type OpGenerator } from './compiler.js';
import { K_ANY, K_ARR, K_BOOL, K_NULL, K_NUM, K_OBJ, K_OTHER, K_PRIMITIVE, K_STR, isPrimitive, literal, only, type Val } from './kinds.js';
import { ruleKey } from './rule-key.js';
import { and, ifThenElse, not, notNot, or } from './ops-logic.js';
import { between, binary } from './ops-compare.js';
import { binaryNumeric, extreme, minus, plus, times } from './ops-arith.js';
import { cat, substr } from './ops-strings.js';
import { contains, iterate, merge, reduce } from './ops-arrays.js';
import { missing, missingSome, variable } from './ops-data.js';

/** A custom operator: its one shared implementation, passed in as a constant, called with the values. */
function callCustom(fn: (...args: unknown[]) => unknown): OpGenerator {
  return (c, block, args) => {
    const vs = c.values(args, block, true);
    return block.assign(`${c.fn.constant(fn)}(${vs.map((v) => v.code).join(', ')})`, K_ANY);
  };
}

/** An operator outside the set fails when reached, before its arguments are evaluated (as in the reference). */
function unknown(op: string): OpGenerator {
  return (c, block) => {
    block.emit(`throw UNKNOWN(${c.fn.constant(op)});`);
    return UNDEFINED;
  };
}

/** Operator name → generator. A Map, so no name can reach Object.prototype. */
const GENERATORS: ReadonlyMap<string, OpGenerator> = new Map<Operator, OpGenerator>([
  ['var', variable], ['missing', missing], ['missing_some', missingSome],
  ['if', ifThenElse], ['?:', ifThenElse], ['and', and], ['or', or], ['!', not], ['!!', notNot],
  ['==', binary('==')], ['===', binary('===')], ['!=', binary('!=')], ['!==', binary('!==')],
  ['>', binary('>')], ['>=', binary('>=')], ['<', between('<')], ['<=', between('<=')],
  ['+', plus], ['-', minus], ['*', times], ['/', binaryNumeric('/')], ['%', binaryNumeric('%')],
  ['min', extreme('min')], ['max', extreme('max')],
  ['map', iterate('map')], ['filter', iterate('filter')], ['all', iterate('all')], ['some', iterate('some')],
  ['none', iterate('none')], ['reduce', reduce], ['merge', merge],
  ['in', contains], ['cat', cat], ['substr', substr],
  ...CUSTOM_OPERATORS.map((name): [Operator, OpGenerator] => [name, callCustom(customOperators[name])]),
]);

/** The helpers generated code uses, by the short names it uses them under. */
export interface Helpers {
  readonly OP: object;
  readonly ownProperty: (value: unknown, key: string) => unknown;
  readonly lookupVar: (data: unknown, path: unknown, notFound: unknown) => unknown;
  readonly contains: (needle: unknown, haystack: unknown) => boolean;
  readonly substr: (source: unknown, start: unknown, length: unknown) => string;
  readonly missing: (data: unknown, args: readonly unknown[]) => unknown[];
  readonly missingSome: (data: unknown, need: unknown, options: unknown) => unknown[];
  readonly emptyProduct: () => Error;
  readonly unknownOperator: (op: string) => Error;
  readonly stepsExceeded: (limit: number) => Error;
  readonly arrayTooLong: (limit: number) => Error;
  readonly toRuleError: (error: unknown) => Error;
  readonly assertJsonResult: (value: unknown) => unknown;
}

const HELPER_NAMES: Readonly<Record<string, keyof Helpers>> = {
  OP: 'OP', S: 'ownProperty', L: 'lookupVar', IN: 'contains', SUB: 'substr', MISS: 'missing', MSOME: 'missingSome',
  E0: 'emptyProduct', UNKNOWN: 'unknownOperator', OVER: 'stepsExceeded', LONG: 'arrayTooLong', FAIL: 'toRuleError', ASSERT: 'assertJsonResult',
};

const PROLOGUE = `var ${Object.entries(HELPER_NAMES).map(([short, name]) => `${short} = H.${name}`).join(', ')};`;

/** Evaluates a constant sub-rule while compiling; null when it throws (it then fails at run time, if reached). */
export type Fold = (rule: unknown) => { readonly value: unknown } | null;

/** Operators whose value depends on the data, or whose cost on the items. */
const VARYING: ReadonlySet<string> = new Set(['var', 'missing', 'missing_some', ...ITERATORS]);

class RuleCompiler implements Compiler {
  private readonly keys = new Map<object, string | null>();
  private readonly constants = new Map<object, boolean>();

  constructor(readonly fn: FunctionBuilder, private readonly fold: Fold | undefined) {}

  value(node: unknown, block: Block, escapes: boolean): Val {
    if (isPrimitive(node)) return literal(node);
    if (Array.isArray(node)) return this.array(node, block, escapes);
    const operation = typeof node === 'object' ? asOperation(node as Rule, '') : null;
    // any other object is data, returned as the very object (json-logic-js returns the rule's own)
    if (operation === null) return { code: this.fn.constant(node), kind: typeof node === 'object' ? K_OBJ : K_OTHER };
    const text = this.keyOf(node as object);
    const key = text === null ? null : `node|${block.scope.id}|${text}`;
    const known = key === null ? undefined : block.lookup(key);
    if (known !== undefined) return known;
    const folded = this.folded(node as object);
    if (folded !== null) return folded;
    const v = (GENERATORS.get(operation.op) ?? unknown(operation.op))(this, block, operation.args, escapes);
    if (key !== null && only(v.kind, K_PRIMITIVE)) block.remember(key, v);
    return v;
  }

  values(args: readonly unknown[], block: Block, escapes: boolean): Val[] {
    return args.map((arg) => this.value(arg, block, escapes));
  }

  /**
   * An array literal: a new array each time, as json-logic-js builds one, unless it holds only
   * literals and cannot leave the rule (then one constant array serves every evaluation).
   */
  private array(node: readonly unknown[], block: Block, escapes: boolean): Val {
    if (!escapes && node.every(isPrimitive)) return { code: this.fn.constant(node.slice()), kind: K_ARR };
    const items = this.values(node, block, true);
    return block.assign(`[${items.map((item) => item.code).join(', ')}]`, K_ARR);
  }

  private keyOf(node: object): string | null {
    return ruleKey(node, this.keys);
  }

  private folded(node: object): Val | null {
    if (this.fold === undefined || !this.isConstant(node)) return null;
    const result = this.fold(node);
    return result !== null && isPrimitive(result.value) ? literal(result.value) : null;
  }

  /**
   * Whether a sub-rule gives the same value whatever the data: it reads no data and walks no array
   * (iterators are left to run time, where the step budget bounds them).
   */
  private isConstant(node: unknown): boolean {
    if (isPrimitive(node) || typeof node !== 'object') return true;
    let constant = this.constants.get(node);
    if (constant === undefined) {
      constant = Array.isArray(node) ? node.every((item) => this.isConstant(item)) : this.isConstantOperation(node);
      this.constants.set(node, constant);
    }
    return constant;
  }

  private isConstantOperation(node: object): boolean {
    const operation = asOperation(node as Rule, '');
    if (operation === null) return true;
    return !VARYING.has(operation.op) && operation.args.every((arg) => this.isConstant(arg));
  }
}

/** The checks a result needs before it is returned: none for what is always JSON. */
function returnStatement(v: Val): string {
  const c = v.code;
  if (only(v.kind, K_BOOL | K_STR | K_NULL)) return `return ${c};`;
  if (only(v.kind, K_NUM)) return `if (${c} - ${c} !== 0) ASSERT(${c});\nreturn ${c};`;
  if (only(v.kind, K_BOOL | K_STR | K_NULL | K_NUM)) return `if (typeof ${c} === "number" && ${c} - ${c} !== 0) ASSERT(${c});\nreturn ${c};`;
  return `return ASSERT(${c});`;
}

export interface Generated {
  /** body of `new Function("K", "H", source)`, which returns the rule's function */
  readonly source: string;
  readonly constants: readonly unknown[];
}

export interface GenerateOptions {
  /** fail on non-JSON results (off for sub-rules json-logic-js evaluates at run time, whose results go on) */
  readonly checkResult: boolean;
  readonly fold?: Fold;
}

/** JS source for a rule whose operators are all known (see compile.ts). */
export function generate(rule: unknown, limits: RuleLimits, options: GenerateOptions): Generated {
  const fn = new FunctionBuilder(limits);
  const block = rootBlock(fn);
  const result = new RuleCompiler(fn, options.fold).value(rule, block, true);
  for (const handle of fn.handles) handle.finish();
  const source = [
    '"use strict";',
    PROLOGUE,
    fn.constantDeclarations(),
    'return function compiledRule(d) {',
    fn.temporaryDeclarations(),
    fn.usesSteps ? 'var steps = 0;' : '',
    'try {',
    block.text(),
    '} catch (e) { throw FAIL(e); }',
    options.checkResult ? returnStatement(result) : `return ${result.code};`,
    '};',
  ].filter((line) => line !== '').join('\n');
  return { source, constants: fn.constants };
}
