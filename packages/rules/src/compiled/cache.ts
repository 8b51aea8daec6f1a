import { LRUCache } from 'lru-cache';
import { ruleKey } from './rule-key.js';

/**
 * Compiled functions by rule. Hot paths pass the same rule object again and again, so a WeakMap on
 * the object answers first without printing the rule; rules rebuilt from stored text (a new object
 * each time) are found by their exact text in a bounded LRU. A rule is not to be mutated once used.
 */
export class CompiledCache<F extends object> {
  private readonly byText: LRUCache<string, F>;
  private byObject = new WeakMap<object, { readonly variant: string; readonly fn: F }>();

  constructor(maxRules: number) {
    this.byText = new LRUCache<string, F>({ max: maxRules });
  }

  /** `variant` separates functions compiled from one rule with different options. */
  get(rule: unknown, variant: string, build: () => F): F {
    const isObject = typeof rule === 'object' && rule !== null;
    if (isObject) {
      const entry = this.byObject.get(rule);
      if (entry !== undefined && entry.variant === variant) return entry.fn;
    }
    const text = ruleKey(rule);
    const key = text === null ? null : `${variant}\n${text}`;
    let fn = key === null ? undefined : this.byText.get(key);
    if (fn === undefined) {
      fn = build();
      if (key !== null) this.byText.set(key, fn);
    }
    if (isObject) this.byObject.set(rule, { variant, fn });
    return fn;
  }

  clear(): void {
    this.byText.clear();
    this.byObject = new WeakMap();
  }
}
