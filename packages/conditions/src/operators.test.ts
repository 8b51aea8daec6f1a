import { describe, expect, it } from 'vitest';
import { evaluateReference, type JsonValue } from '@trellis/rules';
import { OPERATORS, operatorsFor } from './operators.js';
import { toJsonLogic } from './to-json-logic.js';
import type { ConditionValue, FieldType, OperatorId } from './types.js';

const holds = (field: string, operator: OperatorId, value: ConditionValue, data: JsonValue) =>
  evaluateReference(toJsonLogic({ kind: 'condition', field, operator, value }), data);

describe('operatorsFor', () => {
  it('offers by type what the admin expects', () => {
    const ids = (t: FieldType) => operatorsFor(t).map((o) => o.id);
    expect(ids('number')).toEqual(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between']);
    expect(ids('date')).toEqual(['before', 'after', 'within', 'empty', 'not_empty']);
    expect(ids('enum')).toEqual(expect.arrayContaining(['in', 'not_in']));
    expect(ids('string')).toEqual(expect.arrayContaining(['eq', 'contains', 'empty']));
  });

  it('labels every operator in both languages', () => {
    for (const info of Object.values(OPERATORS)) {
      expect(info.label.en.length).toBeGreaterThan(0);
      expect(info.label['zh-CN'].length).toBeGreaterThan(0);
    }
  });
});

describe('the JSON Logic each operator writes means what its label says', () => {
  it.each<[OperatorId, ConditionValue, JsonValue, boolean]>([
    ['ge', 0.8, 0.8, true], ['ge', 0.8, 0.79, false], ['lt', 3, 2, true], ['ne', 3, 3, false],
    ['between', [1, 2], 1, true], ['between', [1, 2], 2, true], ['between', [1, 2], 2.01, false],
  ])('numbers: %s %j on %j is %s', (op, value, x, expected) => {
    expect(holds('x', op, value, { x })).toBe(expected);
  });

  it.each<[OperatorId, ConditionValue, JsonValue, boolean]>([
    ['before', '2025-01-01', '2024-12-31', true], ['before', '2025-01-01', '2025-01-01', false],
    ['after', '2025-01-01', '2025-01-02', true], ['within', ['2025-01-01', '2025-03-31'], '2025-03-31', true],
    ['within', ['2025-01-01', '2025-03-31'], '2025-04-01', false], ['empty', null, null, true], ['not_empty', null, '2025-01-01', true],
  ])('dates: %s %j on %j is %s', (op, value, x, expected) => {
    expect(holds('x', op, value, { x })).toBe(expected);
  });

  it.each<[OperatorId, ConditionValue, JsonValue, boolean]>([
    ['in', ['east', 'south'], 'east', true], ['in', ['east', 'south'], 'north', false], ['not_in', ['east'], 'north', true],
    ['contains', 'ab', 'xaby', true], ['not_contains', 'ab', 'xy', true], ['empty', null, '', true], ['not_empty', null, 'a', true],
    ['has', 'x', ['x', 'y'], true], ['not_has', 'x', ['y'], true], ['empty', null, [], true],
  ])('choices, texts and lists: %s %j on %j is %s', (op, value, x, expected) => {
    expect(holds('x', op, value, { x })).toBe(expected);
  });
});
