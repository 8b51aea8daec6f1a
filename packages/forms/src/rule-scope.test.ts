/**
 * What rules see, whether the scope copies only the fields the rules name (rule-reads.ts) or, when
 * that cannot be known, every field: the same values, the record's changes during the call included.
 */
import { describe, expect, it } from 'vitest';
import { compilePlan } from './compile-plan.js';
import { createFormRuntime, defaultFormDeps } from './defaults.js';
import { onboardingContext, onboardingDefinition, smallEntity } from './testing/index.js';
import type { ProcessResult } from './types.js';

function recordOf(result: ProcessResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected a record, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.record;
}

const numbers = { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' }, c: { type: 'number' }, note: { type: 'string' } } };

describe('the rule scope', () => {
  it('copies only the fields rules name, unless a rule may read others or a field path meets the context keys', () => {
    expect([...(compilePlan(onboardingDefinition, defaultFormDeps()).scopeFields ?? [])].sort()).toEqual([
      'contractEnd', 'contractStart', 'creditLimit', 'partnerKind',
    ]);
    const plan = (rules: Record<string, unknown>) => compilePlan(smallEntity({ schema: numbers, rules }), defaultFormDeps());
    expect(plan({ computed: { b: { var: { cat: ['a'] } } } }).scopeFields).toBeNull();
    expect(plan({ computed: { $b: { var: 'a' } } }).scopeFields).toBeNull();
  });

  it('gives rules that name their fields the values computed, defaulted and dropped during the call', () => {
    const form = createFormRuntime(
      smallEntity({
        schema: numbers,
        rules: {
          defaults: { a: { value: 1 } },
          computed: { b: { '*': [{ var: 'a' }, 10] }, c: { '+': [{ var: 'b' }, 1] } },
          visibility: { note: { '>': [{ var: 'c' }, 20] } },
        },
      }),
    );
    expect(recordOf(form.process({ note: 'kept' }, onboardingContext))).toEqual({ a: 1, b: 10, c: 11 });
    expect(recordOf(form.process({ a: 2, note: 'kept' }, onboardingContext))).toEqual({ a: 2, b: 20, c: 21, note: 'kept' });
  });

  it('gives rules whose paths are computed while they run every field of the record', () => {
    const form = createFormRuntime(
      smallEntity({
        schema: { type: 'object', properties: { pick: { type: 'string' }, left: { type: 'string' }, right: { type: 'string' }, chosen: { type: 'string' } } },
        rules: { computed: { chosen: { var: { cat: [{ var: 'pick' }] } } } },
      }),
    );
    expect(recordOf(form.process({ pick: 'right', left: 'L', right: 'R' }, onboardingContext)).chosen).toBe('R');
    expect(recordOf(form.process({ pick: 'left', left: 'L', right: 'R' }, onboardingContext)).chosen).toBe('L');
  });

  it('lets `missing` over computed keys see every field', () => {
    const form = createFormRuntime(
      smallEntity({
        schema: numbers,
        rules: {
          validations: [
            {
              id: 'both',
              path: 'b',
              rule: { '==': [{ length: { missing: { merge: [['a'], ['b']] } } }, 0] },
              message: { 'zh-CN': '需要 a 和 b', en: 'a and b are needed' },
            },
          ],
        },
      }),
    );
    expect(form.process({ a: 1, b: 2 }, onboardingContext).ok).toBe(true);
    expect(form.process({ a: 1 }, onboardingContext).ok).toBe(false);
  });

  it('reads only own fields, also for names that objects inherit', () => {
    const form = createFormRuntime(
      smallEntity({
        schema: { type: 'object', properties: { valueOf: { type: 'string' }, seen: { type: 'string' } } },
        rules: { computed: { seen: { if: [{ var: 'valueOf' }, 'given', 'absent'] } } },
      }),
    );
    expect(recordOf(form.process({}, onboardingContext)).seen).toBe('absent');
    expect(recordOf(form.process({ valueOf: 'x' }, onboardingContext)).seen).toBe('given');
  });

  it('never changes the caller\'s object, even a frozen one whose fields are defaulted, computed and dropped', () => {
    const form = createFormRuntime(
      smallEntity({
        schema: { type: 'object', properties: { kind: { type: 'string' }, address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string' } } }, tags: { type: 'array' }, secret: { type: 'string' } } },
        rules: {
          defaults: { 'address.zip': { value: '200000' } },
          computed: { 'address.city': { cat: [{ var: 'kind' }, '市'] } },
          visibility: { secret: { '==': [{ var: 'kind' }, 'x'] } },
        },
      }),
    );
    const deepFreeze = <T>(value: T): T => {
      if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) deepFreeze(inner);
      return Object.freeze(value);
    };
    const submission = deepFreeze({ kind: '上海', address: { city: 'old' }, tags: ['a'], secret: 's' });
    const record = recordOf(form.process(submission, onboardingContext));
    expect(record).toEqual({ kind: '上海', address: { city: '上海市', zip: '200000' }, tags: ['a'] });
    expect(submission).toEqual({ kind: '上海', address: { city: 'old' }, tags: ['a'], secret: 's' });
    expect(record.tags).not.toBe(submission.tags);
  });
});
