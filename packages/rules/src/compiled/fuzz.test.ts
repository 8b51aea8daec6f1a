import { describe, expect, it } from 'vitest';
import { isTrellisError } from '@trellis/errors';
import type { JsonValue, Rule } from '../types.js';
import { CORE_OPERATORS, CUSTOM_OPERATORS } from '../operators/names.js';
import { evaluateReference } from '../reference.js';
import { walkOperations } from '../static/rule-shape.js';
import { evaluateCompiled } from './compile.js';
import { RandomRules, seededRandom } from './random-rules.js';

const RULES = 5_000;
const DATA_PER_RULE = 2;

/** What an evaluation did, as comparable text: the JSON it returned or the code it threw. */
function outcome(evaluate: () => JsonValue): string {
  try {
    return `returns ${JSON.stringify(evaluate())}`;
  } catch (error) {
    return isTrellisError(error) ? `throws ${error.code}` : `throws a non-Trellis error: ${String(error)}`;
  }
}

/** Each evaluator gets its own copy, so neither can see what the other did to its arguments. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

describe('compiled evaluator against the reference on random rules', () => {
  it(`agrees on ${RULES} random rules over the whole operator set, each with ${DATA_PER_RULE} random data`, () => {
    const random = new RandomRules(seededRandom(0x7e11));
    const mismatches: { rule: string; data: string; reference: string; compiled: string }[] = [];
    const operatorsSeen = new Set<string>();
    const outcomes = { returned: 0, threw: 0 };
    for (let i = 0; i < RULES; i++) {
      const rule: Rule = random.rule(1 + random.int(4));
      walkOperations(rule, ({ op }) => operatorsSeen.add(op));
      for (let j = 0; j < DATA_PER_RULE; j++) {
        const data = random.data();
        const reference = outcome(() => evaluateReference(copy(rule), copy(data)));
        const compiled = outcome(() => evaluateCompiled(copy(rule), copy(data)));
        outcomes[reference.startsWith('returns') ? 'returned' : 'threw']++;
        if (compiled !== reference) {
          mismatches.push({ rule: JSON.stringify(rule), data: String(JSON.stringify(data)), reference, compiled });
        }
      }
    }
    expect(mismatches.slice(0, 5), `${mismatches.length} mismatches`).toEqual([]);
    // the generator does reach every operator, and both ways an evaluation can end
    expect([...CORE_OPERATORS, ...CUSTOM_OPERATORS].filter((op) => !operatorsSeen.has(op))).toEqual([]);
    expect(outcomes.returned).toBeGreaterThan(RULES * DATA_PER_RULE * 0.3);
    expect(outcomes.threw).toBeGreaterThan(RULES * DATA_PER_RULE * 0.05);
  });
});
