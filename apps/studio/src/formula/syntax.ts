import jsep from 'jsep';

/**
 * The formula grammar, on jsep (a small, well-kept expression parser): spreadsheet-like operators,
 * each mapped to its JSON Logic operator. jsep's operator tables are global to the module, so this
 * is the only place that configures it, once.
 */

/** Infix operators: what they mean in JSON Logic, and how tightly they bind (higher first). */
export const INFIX: Readonly<Record<string, { readonly op: string; readonly precedence: number }>> = {
  or: { op: 'or', precedence: 1 },
  '||': { op: 'or', precedence: 1 },
  and: { op: 'and', precedence: 2 },
  '&&': { op: 'and', precedence: 2 },
  '=': { op: '==', precedence: 6 },
  '==': { op: '==', precedence: 6 },
  '<>': { op: '!=', precedence: 6 },
  '!=': { op: '!=', precedence: 6 },
  '===': { op: '===', precedence: 6 },
  '!==': { op: '!==', precedence: 6 },
  '<': { op: '<', precedence: 6 },
  '<=': { op: '<=', precedence: 6 },
  '>': { op: '>', precedence: 6 },
  '>=': { op: '>=', precedence: 6 },
  in: { op: 'in', precedence: 6 },
  '&': { op: 'cat', precedence: 7 },
  '+': { op: '+', precedence: 9 },
  '-': { op: '-', precedence: 9 },
  '*': { op: '*', precedence: 10 },
  '/': { op: '/', precedence: 10 },
  '%': { op: '%', precedence: 10 },
};

/** Prefix operators and their JSON Logic operator. */
export const PREFIX: Readonly<Record<string, string>> = { not: '!', '!': '!', '!!': '!!', '-': '-' };

/** Words that are operators or literals, so never a field name on their own. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null', 'this']);

jsep.removeAllBinaryOps();
jsep.removeAllUnaryOps();
for (const [name, { precedence }] of Object.entries(INFIX)) jsep.addBinaryOp(name, precedence);
for (const name of Object.keys(PREFIX)) jsep.addUnaryOp(name);

/** A parsed node with where it is in the text (0-based, end exclusive) and whether it was in parentheses. */
export type Node = jsep.Expression & { start?: number; end?: number; parenthesized?: boolean };

/*
 * jsep keeps no positions; these hooks add them to every token (literals, fields, calls, arrays,
 * groups, prefix operations). Binary operations span their operands (see spanOf).
 */
const starts: number[] = [];
jsep.hooks.add('gobble-token', function start(env) {
  starts.push(this.index);
  // numbers skip the after-token hook in jsep: read them here so that every start has its end
  const code = this.code;
  if ((code >= 48 && code <= 57) || code === 46) env.node = this.gobbleNumericLiteral();
});
jsep.hooks.add('after-token', function end(env) {
  const start = starts.pop();
  const node = env.node as Node | undefined;
  if (node === undefined || start === undefined || node === null || typeof node !== 'object') return;
  const text = this.expr.slice(start, this.index).trimEnd();
  node.start = start;
  node.end = start + text.length;
  if (text.startsWith('(') && text.endsWith(')') && node.type !== 'CallExpression') node.parenthesized = true;
});

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where a node is: its own position, else (operations jsep builds outside tokens) the extent of its parts. */
export function spanOf(node: Node): Span {
  if (node.start !== undefined && node.end !== undefined) return { start: node.start, end: node.end };
  const parts = Object.values(node).flat()
    .filter((value): value is Node => typeof value === 'object' && value !== null && 'type' in value)
    .map(spanOf)
    .filter((span) => span.end > span.start);
  if (parts.length === 0) return { start: 0, end: 0 };
  return { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
}

/** What went wrong while reading the text, as a stable code, where (0-based), and details for the message. */
export interface SyntaxFailure {
  readonly code: SyntaxCode;
  readonly index: number;
  readonly params: Readonly<Record<string, string>>;
}

export type SyntaxCode =
  | 'unexpected' | 'expectedValue' | 'unclosedParen' | 'unclosedBracket' | 'unclosedQuote'
  | 'expectedComma' | 'badNumber' | 'syntax';

/** jsep's English messages, read into our codes (the messages are not shown: both languages are ours). */
const JSEP_MESSAGES: readonly [RegExp, SyntaxCode][] = [
  [/^(Expected expression|missing unaryOp argument)/, 'expectedValue'],
  [/^(Unclosed \(|Expected \))/, 'unclosedParen'],
  [/^(Unclosed \[|Expected \])/, 'unclosedBracket'],
  [/^Unclosed quote/, 'unclosedQuote'],
  [/^Expected comma/, 'expectedComma'],
  [/^(Variable names cannot start with a number|Expected exponent)/, 'badNumber'],
  [/^(Unexpected|Expected :)/, 'unexpected'],
];

function failureOf(text: string, error: unknown): SyntaxFailure {
  const { index, description } = error as { index?: unknown; description?: unknown };
  if (typeof index !== 'number') throw error;
  const message = typeof description === 'string' ? description : '';
  const code = JSEP_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? 'syntax';
  const at = Math.min(index, text.length);
  return { code, index: at, params: { found: text.slice(at, at + 1) } };
}

/** The syntax tree of a formula, or where and why it cannot be read. */
export function readSyntax(text: string): { ok: true; node: Node } | { ok: false; failure: SyntaxFailure } {
  starts.length = 0;
  try {
    return { ok: true, node: jsep(text) as Node };
  } catch (error) {
    return { ok: false, failure: failureOf(text, error) };
  }
}
