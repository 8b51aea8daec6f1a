import type { Rule } from '@trellis/rules';
import { CLOCK_PATHS, OPERATOR_FUNCTIONS } from './functions.js';
import { FLATTENED } from './parse.js';
import { INFIX, PREFIX, RESERVED_WORDS } from './syntax.js';

/** How tightly each JSON Logic operator written infix binds (its spellings share one precedence). */
const INFIX_PRECEDENCE: ReadonlyMap<string, number> = new Map(Object.values(INFIX).map(({ op, precedence }) => [op, precedence]));
/** The spelling printed where an operator has several: spreadsheet-like = and <>, & for joining texts. */
const SPELLING: Readonly<Record<string, string>> = { '==': '=', '!=': '<>', cat: '&' };
const PREFIX_SYMBOL: Readonly<Record<string, string>> = { '!': 'not ', '!!': '!!', '-': '-' };
/** Prefix operations and atoms bind tighter than any infix operator. */
const TIGHT = 100;

interface Printed {
  readonly text: string;
  readonly precedence: number;
  /** the operator, for telling a nested same-operator chain apart */
  readonly op: string | null;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(text: string): string {
  const escaped = text.replace(/[\\"\n\r\t\b\f\v]/g, (c) => ({
    '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v',
  })[c] as string);
  return `"${escaped}"`;
}

function number(n: number): string {
  return n < 0 || Object.is(n, -0) ? `-${String(-n)}` : String(n);
}

const atom = (text: string): Printed => ({ text, precedence: TIGHT, op: null });

/** A rule's formula text, or null when the formula language cannot say it (then it is edited as JSON). */
export function printFormula(rule: Rule): string | null {
  try {
    return print(rule).text;
  } catch (error) {
    if (error instanceof Unprintable) return null;
    throw error;
  }
}

class Unprintable extends Error {}
const unprintable = (): never => {
  throw new Unprintable();
};

function fieldRef(path: unknown, fallback: Rule[]): Printed {
  if (typeof path !== 'string' || fallback.length > 1) return unprintable();
  if (fallback.length === 1) return atom(`field(${quote(path)}, ${print(fallback[0] as Rule).text})`);
  const clock = Object.entries(CLOCK_PATHS).find(([, p]) => p === path)?.[0];
  if (clock !== undefined) return atom(`${clock}()`);
  const segments = path.split('.');
  const plain = segments.every((s) => IDENTIFIER.test(s) && !RESERVED_WORDS.has(s.toLowerCase()));
  return atom(plain ? path : `field(${quote(path)})`);
}

const call = (name: string, args: readonly Rule[]): Printed => atom(`${name}(${args.map((a) => print(a).text).join(', ')})`);

function print(rule: Rule): Printed {
  if (rule === null || typeof rule === 'boolean') return atom(String(rule));
  if (typeof rule === 'number') return { text: number(rule), precedence: rule < 0 || Object.is(rule, -0) ? TIGHT - 1 : TIGHT, op: null };
  if (typeof rule === 'string') return atom(quote(rule));
  if (Array.isArray(rule)) return atom(`[${rule.map((item) => print(item).text).join(', ')}]`);
  const keys = Object.keys(rule);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) return unprintable();
  const value = rule[op] as Rule;
  // json-logic-js reads {op: x} as {op: [x]}
  const args: Rule[] = Array.isArray(value) ? value : [value];
  if (op === 'var') return fieldRef(args[0], args.slice(1));
  if (Object.values(PREFIX).includes(op) && args.length === 1) return prefix(op, args[0] as Rule);
  if (op === '<=' && args.length === 3) return call('between', [args[1] as Rule, args[0] as Rule, args[2] as Rule]);
  const precedence = INFIX_PRECEDENCE.get(op);
  if (precedence !== undefined && (FLATTENED.has(op) ? args.length >= 2 : args.length === 2)) return chain(op, precedence, args);
  if (OPERATOR_FUNCTIONS.has(op)) return call(op, args);
  return unprintable();
}

function prefix(op: string, operand: Rule): Printed {
  const inner = print(operand);
  // -(5) stays an operation: -5 would read back as the number
  const wrap = inner.precedence < TIGHT || (op === '-' && typeof operand === 'number');
  return { text: `${PREFIX_SYMBOL[op] as string}${wrap ? `(${inner.text})` : inner.text}`, precedence: TIGHT - 1, op };
}

/** a op b op c, with parentheses where the reading would otherwise change (operators are left-associative). */
function chain(op: string, precedence: number, args: readonly Rule[]): Printed {
  const symbol = SPELLING[op] ?? op;
  const parts = args.map((arg, i) => {
    const inner = print(arg);
    const sameChain = FLATTENED.has(op) && inner.op === op;
    const wrap = sameChain || inner.precedence < precedence || (i > 0 && inner.precedence === precedence);
    return wrap ? `(${inner.text})` : inner.text;
  });
  return { text: parts.join(` ${symbol} `), precedence, op };
}
