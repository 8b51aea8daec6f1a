import { compileRule, type CompiledRule, type JsonValue, type Rule } from '@trellis/rules';
import { scopeFacts, scopeReads } from './scope-facts.js';
import { truthy } from './scope.js';
import type { RecordFacts } from './types.js';

/** A grant's scope with the user bound in (see bindUser), ready to test records. */
export interface BoundScope {
  readonly rule: Rule;
  /** Whether the scope holds on the record; `user` is userContext(user). */
  holds(record: RecordFacts, user: JsonValue): boolean;
}

const ALWAYS: BoundScope = { rule: true, holds: () => true };

export function boundScope(rule: Rule): BoundScope {
  if (rule === true) return ALWAYS;
  const reads = scopeReads(rule);
  let test: CompiledRule | undefined;
  return {
    rule,
    holds(record, user) {
      try {
        test ??= compileRule(rule);
        return truthy(test(scopeFacts(reads, record, user)));
      } catch {
        return false; // a scope that cannot be evaluated on this record grants nothing on it
      }
    },
  };
}
