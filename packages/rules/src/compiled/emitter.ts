import type { RuleLimits } from '../types.js';
import { K_ANY, literalCode, type Kind, type Val } from './kinds.js';

/** A line whose text is decided after the code that follows it has been generated. */
interface Slot {
  text: string;
}

/** Whether `x.__proto__` reads the prototype here (hardened runtimes may delete or forbid it). */
const PROTO_ACCESSOR = (() => {
  try {
    return ({} as { __proto__?: unknown }).__proto__ === Object.prototype;
  } catch {
    return false;
  }
})();

/**
 * A value whose properties the rule reads (the data, an item, `partner` in `partner.kind`). Reading
 * an own property costs a hasOwnProperty call; for a plain object a plain read is the same thing as
 * long as Object.prototype lacks the key. That test is computed once per value, right after it is
 * known, for all the keys the rule reads from it (so a polluted prototype turns the fast path off).
 */
export class Handle implements Val {
  readonly kind = K_ANY;
  private flag: string | null = null;
  private readonly keys = new Set<string>();

  constructor(readonly code: string, private readonly fn: FunctionBuilder, private readonly slot: Slot) {}

  /** Code reading own property `key`, or undefined when it is missing. */
  read(key: string): string {
    const keyCode = literalCode(key);
    if (!PROTO_ACCESSOR || key in Object.prototype) return `S(${this.code}, ${keyCode})`;
    this.keys.add(keyCode);
    this.flag ??= this.fn.temp();
    return `(${this.flag} ? ${this.code}[${keyCode}] : S(${this.code}, ${keyCode}))`;
  }

  finish(): void {
    if (this.flag === null) return;
    const c = this.code;
    const unpolluted = [...this.keys].map((k) => ` && OP[${k}] === void 0`).join('');
    this.slot.text = `${this.flag} = ${c} !== null && typeof ${c} === "object" && ${c}.__proto__ === OP${unpolluted};`;
  }
}

/** The data operations see: the rule's data or an item, or reduce's {current, accumulator}. */
export type Scope =
  | { readonly id: number; readonly kind: 'value'; readonly data: Handle }
  | {
    readonly id: number;
    readonly kind: 'reduce';
    readonly current: Handle;
    readonly accumulator: Handle;
    /** the {current, accumulator} object itself, made once per item when the rule needs it */
    readonly whole: () => string;
  };

/** Collects the variables, constants and handles of one generated function. */
export class FunctionBuilder {
  private temps = 0;
  private scopes = 0;
  readonly constants: unknown[] = [];
  readonly handles: Handle[] = [];
  usesSteps = false;

  constructor(readonly limits: RuleLimits) {}

  temp(): string {
    return `t${this.temps++}`;
  }

  scopeId(): number {
    return this.scopes++;
  }

  /** A value passed in rather than written as code (objects, arrays, functions). */
  constant(value: unknown): string {
    let i = this.constants.indexOf(value);
    if (i === -1) i = this.constants.push(value) - 1;
    return `k${i}`;
  }

  /** `var k0 = K[0], …;` binding constants to closure variables once, when the function is made. */
  constantDeclarations(): string {
    return this.constants.length === 0 ? '' : `var ${this.constants.map((_, i) => `k${i} = K[${i}]`).join(', ')};`;
  }

  temporaryDeclarations(): string {
    return this.temps === 0 ? '' : `var ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};`;
  }

  /** A handle on the value in `code`, with its fast-path test placed at the current end of `block`. */
  handle(code: string, block: Block): Handle {
    const slot: Slot = { text: '' };
    block.lines.push(slot);
    const h = new Handle(code, this, slot);
    this.handles.push(h);
    return h;
  }
}

/**
 * A list of statements run together, with what is already computed when they run. Entries are
 * keyed by scope and rule text; they are kept only for primitive results (repeating an array or an
 * object would share one where json-logic-js makes two).
 */
export class Block {
  readonly lines: (string | Slot)[] = [];
  readonly scope: Scope;
  private readonly known = new Map<string, Val>();

  /** `scope` may be made from the block, so that handles on its data put their tests first in it. */
  constructor(readonly fn: FunctionBuilder, scope: Scope | ((block: Block) => Scope), private readonly parent: Block | null = null) {
    this.scope = typeof scope === 'function' ? scope(this) : scope;
  }

  /** A block whose code runs only sometimes after this one (a branch): it sees what this one computed. */
  branch(): Block {
    return new Block(this.fn, this.scope, this);
  }

  /** A block run once per item, with other data. */
  loopBody(scope: (body: Block) => Scope): Block {
    return new Block(this.fn, scope, null);
  }

  emit(line: string): void {
    this.lines.push(line);
  }

  /** Evaluates `expr` into a new variable. */
  assign(expr: string, kind: Kind): Val {
    const t = this.fn.temp();
    this.emit(`${t} = ${expr};`);
    return { code: t, kind };
  }

  /** A value already computed whenever this block runs, by its key (see `remember`). */
  lookup(key: string): Val | undefined {
    return this.known.get(key) ?? this.parent?.lookup(key);
  }

  remember(key: string, value: Val): void {
    this.known.set(key, value);
  }

  text(): string {
    return this.lines.map((line) => (typeof line === 'string' ? line : line.text)).filter((line) => line !== '').join('\n');
  }
}

/** The block of a whole rule: its data is the function's argument `d`. */
export function rootBlock(fn: FunctionBuilder): Block {
  return new Block(fn, (block) => ({ id: fn.scopeId(), kind: 'value', data: fn.handle('d', block) }));
}

/** The object json-logic-js builds for each step of reduce; created only if the rule looks at it whole. */
export function reduceScope(fn: FunctionBuilder, body: Block, current: string, accumulator: string): Scope {
  let whole: string | null = null;
  const slot: Slot = { text: '' };
  body.lines.push(slot);
  return {
    id: fn.scopeId(),
    kind: 'reduce',
    current: fn.handle(current, body),
    accumulator: fn.handle(accumulator, body),
    whole: () => {
      if (whole === null) {
        whole = fn.temp();
        slot.text = `${whole} = {current: ${current}, accumulator: ${accumulator}};`;
      }
      return whole;
    },
  };
}
