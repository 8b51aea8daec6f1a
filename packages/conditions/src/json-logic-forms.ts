import type { JsonValue, Rule } from '@trellis/rules';
import type { ConditionValue, Literal, OperatorId } from './types.js';

/**
 * The one JSON Logic form of each operator (V is {"var": field}). Reading accepts exactly these
 * forms, so that every condition the builder writes reads back as itself and nothing else does.
 */
type Form =
  | { readonly shape: 'compare'; readonly op: string } // {op: [V, x]}
  | { readonly shape: 'range'; readonly op: '<=' } // {"<=": [a, V, b]}
  | { readonly shape: 'dateRange' } // {"date_between": [V, a, b]}
  | { readonly shape: 'member'; readonly negated: boolean } // {"in": [V, [..]]}, under "!" when negated
  | { readonly shape: 'holds'; readonly negated: boolean } // {"in": [x, V]}, under "!" when negated
  | { readonly shape: 'truthy'; readonly op: '!' | '!!' }; // {"!": V}

export const FORMS: Readonly<Record<OperatorId, Form>> = {
  eq: { shape: 'compare', op: '==' },
  ne: { shape: 'compare', op: '!=' },
  lt: { shape: 'compare', op: '<' },
  le: { shape: 'compare', op: '<=' },
  gt: { shape: 'compare', op: '>' },
  ge: { shape: 'compare', op: '>=' },
  before: { shape: 'compare', op: 'date_before' },
  after: { shape: 'compare', op: 'date_after' },
  between: { shape: 'range', op: '<=' },
  within: { shape: 'dateRange' },
  in: { shape: 'member', negated: false },
  not_in: { shape: 'member', negated: true },
  contains: { shape: 'holds', negated: false },
  not_contains: { shape: 'holds', negated: true },
  has: { shape: 'holds', negated: false },
  not_has: { shape: 'holds', negated: true },
  empty: { shape: 'truthy', op: '!' },
  not_empty: { shape: 'truthy', op: '!!' },
};

const pair = (value: ConditionValue): readonly [JsonValue, JsonValue] =>
  (Array.isArray(value) ? [value[0] ?? null, value[1] ?? null] : [null, null]);
const list = (value: ConditionValue): JsonValue[] => (Array.isArray(value) ? [...value] as JsonValue[] : []);
const one = (value: ConditionValue): JsonValue => (Array.isArray(value) ? null : value as Literal);

/** The JSON Logic of one condition. Values of the wrong kind are written as null (checkTree reports them). */
export function conditionLogic(field: string, operator: OperatorId, value: ConditionValue): Rule {
  const v = { var: field };
  const form = FORMS[operator];
  const not = (rule: Rule, negated: boolean): Rule => (negated ? { '!': rule } : rule);
  switch (form.shape) {
    case 'compare': return { [form.op]: [v, one(value)] };
    case 'range': { const [a, b] = pair(value); return { '<=': [a, v, b] }; }
    case 'dateRange': { const [a, b] = pair(value); return { date_between: [v, a, b] }; }
    case 'member': return not({ in: [v, list(value)] }, form.negated);
    case 'holds': return not({ in: [one(value), v] }, form.negated);
    case 'truthy': return { [form.op]: v };
  }
}

/** What reading one form out of a rule gives: the field it reads and the value it compares with. */
export interface Match {
  readonly field: string;
  readonly value: ConditionValue;
}

const isLiteral = (x: unknown): x is Literal =>
  x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));

/** The operation of a one-key object rule, its arguments always as a list ({"!": x} is {"!": [x]}). */
export function operation(rule: unknown): { op: string; args: readonly unknown[] } | null {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return null;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return null;
  const op = keys[0] as string;
  const given = (rule as Record<string, unknown>)[op];
  return { op, args: Array.isArray(given) ? given : [given] };
}

/** The field of {"var": "field"}, the only way the builder reads data. */
export function varField(rule: unknown): string | null {
  const found = operation(rule);
  if (found === null || found.op !== 'var' || found.args.length !== 1) return null;
  const [path] = found.args;
  return typeof path === 'string' && path !== '' && !Array.isArray((rule as { var: unknown }).var) ? path : null;
}

function unwrapNot(rule: unknown, negated: boolean): unknown {
  if (!negated) return rule;
  const found = operation(rule);
  return found !== null && found.op === '!' && found.args.length === 1 ? found.args[0] : undefined;
}

/** Reads `rule` as the given operator's form, or null when it is not that form. */
export function matchForm(rule: unknown, operator: OperatorId): Match | null {
  const form = FORMS[operator];
  const inner = unwrapNot(rule, (form.shape === 'member' || form.shape === 'holds') && form.negated);
  const found = operation(inner);
  if (found === null) return null;
  const { op, args } = found;
  const field = (i: number) => varField(args[i]);
  switch (form.shape) {
    case 'compare': {
      const f = field(0);
      return op === form.op && args.length === 2 && f !== null && isLiteral(args[1]) ? { field: f, value: args[1] } : null;
    }
    case 'range': {
      const f = field(1);
      return op === '<=' && args.length === 3 && f !== null && isLiteral(args[0]) && isLiteral(args[2])
        ? { field: f, value: [args[0], args[2]] } : null;
    }
    case 'dateRange': {
      const f = field(0);
      return op === 'date_between' && args.length === 3 && f !== null && isLiteral(args[1]) && isLiteral(args[2])
        ? { field: f, value: [args[1], args[2]] } : null;
    }
    case 'member': {
      const [, values] = args;
      const f = field(0);
      return op === 'in' && args.length === 2 && f !== null && Array.isArray(values) && values.every(isLiteral)
        ? { field: f, value: values } : null;
    }
    case 'holds': {
      const f = field(1);
      return op === 'in' && args.length === 2 && f !== null && isLiteral(args[0]) ? { field: f, value: args[0] } : null;
    }
    case 'truthy': {
      const f = field(0);
      // {"!": V} is read as {"!": [V]}; the written form is the bare one, and both mean the same
      return op === form.op && args.length === 1 && f !== null ? { field: f, value: null } : null;
    }
  }
}
