import type { JsonValue, Rule } from '../types.js';
import { CUSTOM_OPERATORS } from '../operators/names.js';

/** mulberry32: a tiny seeded PRNG (tests must be repeatable; Math.random is not allowed). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Keys rules read and data holds: plain ones, prototype names, reduce's names, indexes, a dotted one. */
const KEYS = ['a', 'b', 'n', 's', 'list', 'user', 'price', 'day', '0', '1', 'length', 'toString', 'constructor',
  '__proto__', 'current', 'accumulator', 'a.b', 'indexOf'] as const;

const PRIMITIVES: readonly JsonValue[] = [0, 1, -1, 2, 2.5, -0, 0.1, 1e21, 100, -7, '', '0', '12', '3.5', '-2', 'abc', '1e3',
  ' 7 ', '2024-03-15', '2023-12-31T10:00:00Z', 'a,b', true, false, null];

const DATES: readonly JsonValue[] = ['2024-01-31', '2024-02-29', '2023-11-15', '2024-03-15T08:30:00Z', 'not a date', 20240101];

/** Operators whose arguments are ordinary values (everything but var/missing/iterators/if-likes). */
const VALUE_OPS = ['==', '===', '!=', '!==', '>', '>=', '<', '<=', '+', '-', '*', '/', '%', 'min', 'max', 'merge', 'in', 'cat',
  'substr', '!', '!!'] as const;

const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', 'min', 'max', '<', '<=', '>', '>=']);

const ITERATOR_OPS = ['map', 'filter', 'all', 'none', 'some', 'reduce'] as const;

/** Sub-rules giving what JSON cannot hold, or no value at all: undefined, NaN, ±Infinity. */
const ODD_VALUES: readonly Rule[] = [{ and: [] }, { or: [] }, { '-': [] }, { min: [] }, { max: [] }, { '/': [1, 0] }, { '*': ['x'] },
  { reduce: [[1], { and: [] }] }];

/** Names json-logic-js does not know here, some of them traps (prototype and dotted names). */
const UNKNOWN_OPS = ['nope', 'log', 'var.length', '__proto__', 'toString', 'cat.prototype', 'hasOwnProperty'] as const;

type Scope = 'data' | 'item' | 'reduce';

/** Random rules over the whole operator set, and random data shaped like what they read. */
export class RandomRules {
  constructor(private readonly random: () => number) {}

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  private times<T>(n: number, make: () => T): T[] {
    return Array.from({ length: n }, make);
  }

  /** An object with own properties exactly as given (`__proto__` included, as JSON.parse makes it). */
  private object(entries: [string, JsonValue][]): JsonValue {
    return Object.fromEntries(entries) as JsonValue;
  }

  value(depth: number): JsonValue {
    const roll = this.random();
    if (depth <= 0 || roll < 0.55) return this.pick(PRIMITIVES);
    if (roll < 0.72) return this.times(this.int(5), () => this.value(depth - 1));
    if (roll < 0.77) return this.times(this.int(5), () => this.pick(PRIMITIVES.filter((p) => typeof p === 'number')));
    if (roll < 0.8) {
      // a value that json-logic-js's `missing` would evaluate as a rule
      return this.object([[this.pick(['var', 'if', 'cat', 'nope']), this.value(depth - 1)]]);
    }
    return this.object(this.times(this.int(5), () => [this.pick(KEYS), this.value(depth - 1)]));
  }

  /** A record: most keys present, mostly holding the kind of value their name suggests. */
  private record(depth: number): JsonValue {
    return this.object(KEYS.filter(() => this.chance(0.6)).map((k) => [k, this.chance(0.75) ? this.typed(k, depth) : this.value(depth)]));
  }

  private typed(key: string, depth: number): JsonValue {
    switch (key) {
      case 'n': case 'price': return this.pick([0, 1, 2.5, -3, 100, 0.1, 0.2, 1e21, '12', -0]);
      case 'day': return this.pick(DATES);
      case 's': return this.pick(['abc', '', 'a,b', '2024-03-15', '12']);
      case 'list': return this.times(this.int(5), () => (this.chance(0.5) ? this.pick([1, 2.5, -1, 0, '3']) : depth > 0 ? this.record(depth - 1) : null));
      case 'user': return depth > 0 ? this.record(depth - 1) : null;
      default: return this.value(depth);
    }
  }

  /** Data for a rule: mostly a record; sometimes anything at all. */
  data(): JsonValue | undefined {
    const roll = this.random();
    if (roll < 0.08) return undefined;
    if (roll < 0.16) return this.value(2);
    return this.record(2);
  }

  /** Something that is usually a number (or numeric text) when evaluated. */
  private numeric(depth: number, scope: Scope): Rule {
    const roll = this.random();
    if (roll < 0.3) return this.pick([0, 1, 2.5, -4, 100, 0.1, '7', '0.2', 1e21]);
    if (roll < 0.7) return { var: this.pick(scope === 'reduce' ? ['current', 'accumulator', 'current.n'] : ['n', 'price', 'user.n', 'list.0', 'length']) };
    if (roll < 0.85) return this.op(this.pick(['+', '-', '*', '/', 'dec_add', 'round']), [this.numeric(depth - 1, scope), this.numeric(depth - 1, scope)]);
    return this.rule(depth - 1, scope);
  }

  private path(scope: Scope): JsonValue {
    if (scope === 'reduce' && this.chance(0.7)) {
      const head = this.pick(['current', 'accumulator', 'current.a', 'accumulator.0', 'other']);
      return this.chance(0.8) ? head : `${head}.${this.pick(KEYS)}`;
    }
    const roll = this.random();
    if (roll < 0.05) return this.pick(['', null, 0, 1]);
    if (roll < 0.6) return this.pick(KEYS);
    return this.times(1 + this.int(3), () => this.pick(KEYS)).join('.');
  }

  private variable(scope: Scope, depth: number): Rule {
    const roll = this.random();
    if (roll < 0.55) return { var: this.path(scope) };
    if (roll < 0.75) return { var: [this.path(scope), this.leaf(scope)] };
    if (roll < 0.82) return { var: this.pick<JsonValue[]>([[], [''], [null]]) };
    if (roll < 0.9) return { var: [this.rule(depth - 1, scope)] };
    return { var: [this.path(scope), this.rule(depth - 1, scope), this.leaf(scope)] };
  }

  private leaf(scope: Scope): Rule {
    const roll = this.random();
    if (roll < 0.35) return this.pick(PRIMITIVES);
    if (roll < 0.45) return this.pick(ODD_VALUES);
    if (roll < 0.8) return { var: this.path(scope) };
    if (roll < 0.9) return this.times(this.int(4), () => this.pick(PRIMITIVES));
    if (roll < 0.95) return this.object(this.times(this.pick([0, 2, 3]), () => [this.pick(KEYS), this.pick(PRIMITIVES)]));
    return { var: this.pick<JsonValue>(['', []]) };
  }

  private args(n: number, depth: number, scope: Scope): Rule[] {
    return this.times(n, () => this.rule(depth - 1, scope));
  }

  /** `{"op": [args]}`, or now and then json-logic-js's short form `{"op": arg}`. */
  private op(name: string, args: Rule[]): Rule {
    return this.object([[name, args.length === 1 && this.chance(0.3) ? args[0] as JsonValue : args]]);
  }

  private arraySource(depth: number, scope: Scope): Rule {
    const roll = this.random();
    if (roll < 0.5) return { var: this.pick(['list', 'user.list', 'user', 'a', '', 'current', 'accumulator']) };
    if (roll < 0.75) return this.times(this.int(5), () => this.value(1));
    if (roll < 0.85) return { merge: this.args(this.int(3), depth, scope) };
    return this.rule(depth - 1, scope);
  }

  private iterator(name: (typeof ITERATOR_OPS)[number], depth: number, scope: Scope): Rule {
    const source = this.arraySource(depth, scope);
    const body = this.rule(depth - 1, name === 'reduce' ? 'reduce' : 'item');
    const args: Rule[] = this.chance(0.05) ? [source] : [source, body];
    if (name === 'reduce' && this.chance(0.7)) args.push(this.rule(depth - 1, scope));
    return this.op(name, args);
  }

  private missing(name: 'missing' | 'missing_some', depth: number, scope: Scope): Rule {
    const keys = (): Rule[] => this.times(this.int(4), () => (this.chance(0.85) ? this.path(scope) : this.rule(depth - 1, scope)));
    if (name === 'missing') {
      const roll = this.random();
      if (roll < 0.5) return { missing: keys() };
      if (roll < 0.75) return { missing: [keys()] };
      return { missing: this.rule(depth - 1, scope) };
    }
    const options: Rule = this.chance(0.75) ? keys() : this.rule(depth - 1, scope);
    return { missing_some: this.chance(0.05) ? [this.leaf(scope)] : [this.pick<Rule>([0, 1, 2, '1', null]), options] };
  }

  private custom(name: (typeof CUSTOM_OPERATORS)[number], depth: number, scope: Scope): Rule {
    const some = (make: () => Rule) => this.times(1 + this.int(3), make);
    const numeric = () => this.numeric(depth - 1, scope);
    const date = (): Rule => {
      const roll = this.random();
      if (roll < 0.5) return this.pick(DATES);
      if (roll < 0.8) return { var: this.pick(['day', 'user.day', 'list.0.day', 'current.day']) };
      return this.rule(depth - 1, scope);
    };
    switch (name) {
      case 'date': case 'year': case 'quarter': case 'month':
        return this.op(name, [date()]);
      case 'date_add':
        return this.op(name, [date(), this.pick<Rule>([1, -1, 12, 'x']), this.pick<Rule>(['days', 'months', 'years', 'weeks'])]);
      case 'date_diff':
        return this.op(name, [date(), date(), this.pick<Rule>(['days', 'months'])]);
      case 'date_before': case 'date_after':
        return this.op(name, [date(), date()]);
      case 'date_between':
        return this.op(name, [date(), date(), date()]);
      case 'dec_add': case 'dec_mul':
        return this.op(name, some(numeric));
      case 'dec_sub': case 'dec_div':
        return this.op(name, this.chance(0.9) ? [numeric(), numeric()] : some(numeric));
      case 'round':
        return this.op(name, [numeric(), this.pick<Rule>([0, 2, -1]), ...(this.chance(0.3) ? [this.pick<Rule>(['half_up', 'half_even', 'bad'])] : [])]);
      case 'length':
        return this.op(name, [this.arraySource(depth, scope)]);
      case 'sum': case 'avg': case 'min_of': case 'max_of':
        return this.op(name, [this.arraySource(depth, scope), ...(this.chance(0.3) ? [this.pick<Rule>(['a', 'price', 'toString', null])] : [])]);
      case 'tier':
        return this.op(name, [numeric(), [[0, 'ge', 'low'], [10, 'gt', { merge: [1] }], [100, 'ge', 0.08]], ...(this.chance(0.5) ? [this.leaf(scope)] : [])]);
    }
  }

  rule(depth: number, scope: Scope = 'data'): Rule {
    if (depth <= 0 || this.chance(0.25)) return this.chance(0.5) ? this.leaf(scope) : this.variable(scope, depth);
    const roll = this.random();
    if (roll < 0.02) return this.op(this.pick(UNKNOWN_OPS), this.args(this.int(2), depth, scope));
    if (roll < 0.12) return this.op(this.pick(['if', '?:']), this.args(this.int(8), depth, scope));
    if (roll < 0.2) return this.op(this.pick(['and', 'or']), this.args(this.int(5), depth, scope));
    if (roll < 0.3) return this.iterator(this.pick(ITERATOR_OPS), depth, scope);
    if (roll < 0.36) return this.missing(this.pick(['missing', 'missing_some'] as const), depth, scope);
    if (roll < 0.48) return this.custom(this.pick(CUSTOM_OPERATORS), depth, scope);
    if (roll < 0.52) return this.variable(scope, depth);
    const name = this.pick(VALUE_OPS);
    const arity = (name === '<' || name === '<=') && this.chance(0.4) ? 3 : this.chance(0.65) ? 2 : this.int(5);
    if (ARITHMETIC.has(name) && this.chance(0.6)) return this.op(name, this.times(arity, () => this.numeric(depth - 1, scope)));
    return this.op(name, this.args(arity, depth, scope));
  }
}
