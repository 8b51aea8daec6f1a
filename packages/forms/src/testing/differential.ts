/**
 * Differential testing of the form runtime: random submissions around a valid one, run through the
 * runtime with generated code and through the interpreter, which must give identical outcomes
 * (records key for key and in the same key order, problems in the same order). Deterministic: the
 * randomness is seeded.
 */
import type { EntityDefinition } from '@trellis/definitions';
import { seededRandom } from '@trellis/rules/testing';
import { defaultFormDeps } from '../defaults.js';
import { buildFormRuntime } from '../runtime.js';
import type { FormContext, FormRuntime, ProcessResult } from '../types.js';

export type Random = () => number;

/** mulberry32 from the rule engine's tests: a failing case can be replayed from its seed. */
export { seededRandom };

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Keys that are refused, reserved, inherited, or awkward to put in code. */
export const HOSTILE_KEYS: readonly string[] = [
  '__proto__', 'constructor', 'prototype', '$user', '$today', '$x', 'toString', 'hasOwnProperty', 'valueOf',
  'a"b', "it's", '</script>', 'back\\slash', 'line\u2028sep', '0', '',
];

function randomValue(random: Random, depth: number, known: readonly unknown[]): unknown {
  const choice = Math.floor(random() * 20);
  switch (choice) {
    case 0: return null;
    case 1: return '';
    case 2: return undefined;
    case 3: return pick(random, [0, -1, 1.5, 10_000, 1e9, 125_000_000, Number.NaN, Number.POSITIVE_INFINITY]);
    case 4: return random() < 0.5;
    case 5: return pick(random, ['2026-04-01', '2025-12-31', '2027-02-30', '2026-03-15T10:00:00Z', 'x', '王磊', '</script>']);
    case 6: return depth > 2 ? [] : [randomValue(random, depth + 1, known), 'a', 1];
    case 7: return depth > 2 ? {} : randomObject(random, depth + 1, known);
    case 8: return pick(random, [new Date(0), () => 1, Symbol('s'), 10n]);
    default: return known.length > 0 ? pick(random, known) : 'value';
  }
}

function randomObject(random: Random, depth: number, known: readonly unknown[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const n = Math.floor(random() * 3);
  for (let i = 0; i < n; i++) setOwn(object, pick(random, ['a', 'b', ...HOSTILE_KEYS]), randomValue(random, depth, known));
  return object;
}

/** An own property even for `__proto__` (as JSON.parse makes it), never a prototype change. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Rebuilt with its keys in a random order (order decides the record's key order and the problems' order). */
function shuffled(object: Record<string, unknown>, random: Random): Record<string, unknown> {
  const keys = Object.keys(object);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
  }
  const copy: Record<string, unknown> = {};
  for (const key of keys) setOwn(copy, key, object[key]);
  return copy;
}

/**
 * A variation of `base`: fields removed, replaced by other values (values seen in the valid
 * submission and `choices`, e.g. enum members, are likely, so that rules take every branch),
 * hostile keys added at the top and inside objects, keys reordered.
 */
export function mutateSubmission(base: Record<string, unknown>, random: Random, choices: readonly unknown[] = []): Record<string, unknown> {
  // primitives only: an object picked here would be shared, and a later edit would change `base`
  const known = [...Object.values(base), ...choices].filter((value) => typeof value !== 'object' || value === null);
  let object = structuredClone(base);
  const edits = Math.floor(random() * 5);
  for (let i = 0; i < edits; i++) {
    const keys = Object.keys(object);
    const op = Math.floor(random() * 5);
    if (op === 0 && keys.length > 0) delete object[pick(random, keys)];
    else if (op === 1 && keys.length > 0) setOwn(object, pick(random, keys), randomValue(random, 0, known));
    else if (op === 2) setOwn(object, pick(random, HOSTILE_KEYS), randomValue(random, 1, known));
    else if (op === 3) {
      const inner = keys.filter((k) => typeof object[k] === 'object' && object[k] !== null && !Array.isArray(object[k]));
      if (inner.length > 0) {
        const target = object[pick(random, inner)] as Record<string, unknown>;
        setOwn(target, pick(random, [...Object.keys(target), ...HOSTILE_KEYS]), randomValue(random, 1, known));
      }
    } else object = shuffled(object, random);
  }
  return random() < 0.3 ? shuffled(object, random) : object;
}

/** Everything observable about an outcome, key order included (JSON.stringify keeps it). */
export function outcomeText(result: ProcessResult): string {
  if (!result.ok) return JSON.stringify({ errors: result.errors });
  const proto = Object.getPrototypeOf(result.record) === Object.prototype ? 'Object.prototype' : 'other';
  return JSON.stringify({ record: result.record, proto, keys: Reflect.ownKeys(result.record).map(String) });
}

/** Outcomes that differ between generated code and the interpreter: [] when they agree on every case. */
export function differingOutcomes(
  definition: EntityDefinition,
  submissions: readonly unknown[],
  contexts: readonly FormContext[],
): { submission: unknown; context: FormContext; generated: string; interpreted: string }[] {
  const generated = buildFormRuntime(definition, defaultFormDeps());
  const interpreted = buildFormRuntime(definition, defaultFormDeps(), { generateCode: false });
  const run = (runtime: FormRuntime, submission: unknown, context: FormContext): string => {
    try {
      return outcomeText(runtime.process(submission, context));
    } catch (error) {
      return `threw ${String(error)}`;
    }
  };
  const differences = [];
  for (const submission of submissions) {
    for (const context of contexts) {
      const a = run(generated, submission, context);
      const b = run(interpreted, submission, context);
      if (a !== b) differences.push({ submission, context, generated: a, interpreted: b });
    }
  }
  return differences;
}
