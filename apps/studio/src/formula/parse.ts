import type { JsonValue, Rule } from '@trellis/rules';
import { CLOCK_PATHS, isSpecialFunction, OPERATOR_FUNCTIONS } from './functions.js';
import { INFIX, PREFIX, readSyntax, spanOf, type Node, type Span, type SyntaxCode } from './syntax.js';

/** Why a formula cannot be read: a stable code, where (0-based, end exclusive), and details for the message. */
export interface FormulaError {
  readonly code: SyntaxCode | 'unknownFunction' | 'unsupported' | 'fieldPath';
  readonly span: Span;
  readonly params: Readonly<Record<string, string>>;
}

/** Where each part of the rule came from, by its JSON-pointer-like position ('' = the whole rule). */
export type SourceMap = ReadonlyMap<string, Span>;

export type Parsed =
  | { readonly ok: true; readonly rule: Rule; readonly sources: SourceMap }
  | { readonly ok: false; readonly error: FormulaError };

/** Operators whose repeated use reads as one list of arguments: a + b + c is {"+": [a, b, c]}. */
export const FLATTENED: ReadonlySet<string> = new Set(['or', 'and', 'cat', '+', '*']);

/** The position of an argument: `{op: [..]}` children are /op/i, a lone `{op: x}` child is /op. */
export function childPath(path: string, op: string, index?: number): string {
  const key = `${path}/${op.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return index === undefined ? key : `${key}/${index}`;
}

class Failure extends Error {
  constructor(readonly detail: FormulaError) {
    super(detail.code);
  }
}

const fail = (code: FormulaError['code'], node: Node, text: string, params: Record<string, string> = {}): never => {
  const span = spanOf(node);
  throw new Failure({ code, span, params: { text: text.slice(span.start, span.end), ...params } });
};

/** The dotted path of a field reference (a, a.b.c), or null for anything else. */
function fieldPath(node: Node): string | null {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'MemberExpression' && node.computed !== true && (node.property as Node).type === 'Identifier') {
    const parent = fieldPath(node.object as Node);
    return parent === null || (node.object as Node).parenthesized === true ? null : `${parent}.${(node.property as Node).name as string}`;
  }
  return null;
}

/**
 * Reads one formula into JSON Logic. Each formula gives one rule in one canonical form: fields are
 * {"var": "path"}, prefix operators take their operand alone ({"!": x}, or {"!": [x]} for a list),
 * every other operator a list of arguments; parentheses keep a + (b + c) from reading as a + b + c.
 */
export function parseFormula(text: string): Parsed {
  const read = readSyntax(text);
  if (!read.ok) {
    const { code, index, params } = read.failure;
    return { ok: false, error: { code, span: { start: index, end: Math.min(index + 1, text.length) }, params } };
  }
  const sources = new Map<string, Span>();
  const at = (path: string, node: Node) => sources.set(path, spanOf(node));

  const convert = (node: Node, path: string): Rule => {
    at(path, node);
    switch (node.type) {
      case 'Literal': {
        const value = node.value as JsonValue;
        if (typeof value === 'number' && !Number.isFinite(value)) fail('badNumber', node, text);
        return value;
      }
      case 'Identifier':
      case 'MemberExpression': {
        const path = fieldPath(node);
        return path === null ? fail('unsupported', node, text) : { var: path };
      }
      case 'ArrayExpression':
        return (node.elements as (Node | null)[]).map((item, i) => (item === null ? fail('expectedValue', node, text) : convert(item, `${path}/${i}`)));
      case 'UnaryExpression':
        return prefix(node, path);
      case 'BinaryExpression':
        return infix(node, path);
      case 'CallExpression':
        return call(node, path);
      default:
        return fail('unsupported', node, text);
    }
  };

  const prefix = (node: Node, path: string): Rule => {
    const operand = node.argument as Node;
    const op = PREFIX[node.operator as string] as string;
    // -5 is the number; -(5) is the operation, as written
    if (op === '-' && operand.type === 'Literal' && typeof operand.value === 'number' && operand.parenthesized !== true) {
      return -operand.value;
    }
    if (operand.type === 'ArrayExpression') return { [op]: [convert(operand, childPath(path, op, 0))] };
    return { [op]: convert(operand, childPath(path, op)) };
  };

  /** The operands of a chain of the same flattened operator, left to right, unless parenthesized. */
  const operands = (node: Node, op: string): Node[] => {
    if (node.type !== 'BinaryExpression' || node.parenthesized === true || INFIX[node.operator as string]?.op !== op) return [node];
    return [...operands(node.left as Node, op), node.right as Node];
  };

  const infix = (node: Node, path: string): Rule => {
    const op = (INFIX[node.operator as string] as { op: string }).op;
    const args = FLATTENED.has(op) ? [...operands(node.left as Node, op), node.right as Node] : [node.left as Node, node.right as Node];
    return { [op]: args.map((arg, i) => convert(arg, childPath(path, op, i))) };
  };

  const call = (node: Node, path: string): Rule => {
    const callee = node.callee as Node;
    const args = node.arguments as Node[];
    if (callee.type !== 'Identifier') return fail('unsupported', node, text);
    const name = (callee.name as string).toLowerCase();
    if (isSpecialFunction(name)) {
      switch (name) {
        case 'today':
        case 'now':
          return args.length === 0 ? { var: CLOCK_PATHS[name] } : fail('unsupported', node, text);
        case 'between': {
          if (args.length !== 3) return fail('unsupported', node, text);
          const [x, low, high] = args as [Node, Node, Node];
          return { '<=': [convert(low, childPath(path, '<=', 0)), convert(x, childPath(path, '<=', 1)), convert(high, childPath(path, '<=', 2))] };
        }
        case 'field': {
          const [first, fallback, ...rest] = args;
          if (first === undefined || first.type !== 'Literal' || typeof first.value !== 'string' || rest.length > 0) return fail('fieldPath', node, text);
          if (fallback === undefined) return { var: first.value };
          return { var: [first.value, convert(fallback, childPath(path, 'var', 1))] };
        }
      }
    }
    if (!OPERATOR_FUNCTIONS.has(name)) {
      const start = spanOf(node).start;
      throw new Failure({ code: 'unknownFunction', span: { start, end: start + name.length }, params: { name: callee.name as string } });
    }
    return { [name]: args.map((arg, i) => convert(arg, childPath(path, name, i))) };
  };

  try {
    if (read.node.type === 'Compound') {
      const [, second] = read.node.body as Node[];
      if (second === undefined) return { ok: false, error: { code: 'expectedValue', span: { start: 0, end: text.length }, params: {} } };
      const { start } = spanOf(second);
      return { ok: false, error: { code: 'unexpected', span: { start, end: start + 1 }, params: { found: text.slice(start, start + 1) } } };
    }
    const rule = convert(read.node, '');
    return { ok: true, rule, sources };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error: error.detail };
    throw error;
  }
}
