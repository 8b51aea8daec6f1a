import { describe, expect, it } from 'vitest';
import { checkTree, staticErrors, treePathOf } from './check.js';
import { SAMPLE_FIELDS, SAMPLE_SCHEMA } from './test-fields.js';
import { toJsonLogic } from './to-json-logic.js';
import type { Condition, ConditionTree, Group } from './types.js';

const c = (field: string, operator: Condition['operator'], value: Condition['value']): Condition =>
  ({ kind: 'condition', field, operator, value });
const all = (...children: ConditionTree[]): Group => ({ kind: 'group', combinator: 'all', children });

describe('checkTree', () => {
  it('accepts a finished tree', () => {
    expect(checkTree(all(c('score', 'ge', 0.8), c('level', 'in', ['low']), c('since', 'within', ['2025-01-01', '2025-03-31'])), SAMPLE_FIELDS))
      .toEqual([]);
  });

  it.each<[string, Condition, string]>([
    ['a missing value', c('score', 'ge', null), 'CONDITIONS_VALUE_MISSING'],
    ['an empty list', c('level', 'in', []), 'CONDITIONS_VALUE_MISSING'],
    ['a half-entered range', c('score', 'between', [1, null]), 'CONDITIONS_VALUE_MISSING'],
    ['a text for a number', c('score', 'ge', 'high'), 'CONDITIONS_VALUE_TYPE'],
    ['a date that is not a day', c('since', 'before', '31/03/2025'), 'CONDITIONS_VALUE_TYPE'],
    ['a value outside the choices', c('level', 'in', ['top']), 'CONDITIONS_NOT_AN_OPTION'],
    ['a backwards range', c('score', 'between', [5, 1]), 'CONDITIONS_EMPTY_RANGE'],
    ['an operator of another type', c('name', 'before', '2025-01-01'), 'CONDITIONS_OPERATOR_NOT_ALLOWED'],
    ['an unknown field', c('nope', 'eq', 1), 'CONDITIONS_UNKNOWN_FIELD'],
  ])('reports %s where it is', (_name, condition, code) => {
    const problems = checkTree(all(c('score', 'ge', 1), all(condition)), SAMPLE_FIELDS);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe(code);
    expect(problems[0]?.path).toMatch(/^\/children\/1\/children\/0\/(value|field|operator)$/);
    expect(problems[0]?.message['zh-CN']).not.toBe(problems[0]?.message.en);
  });
});

describe('static errors on the tree', () => {
  it('maps rule positions back to the tree, through negated groups', () => {
    const tree: Group = { kind: 'group', combinator: 'any', children: [c('score', 'ge', 1), { ...all(c('name', 'empty', null)), negated: true }] };
    expect(toJsonLogic(tree)).toEqual({ or: [{ '>=': [{ var: 'score' }, 1] }, { '!': { and: [{ '!': { var: 'name' } }] } }] });
    expect(treePathOf(tree, '/or/1/!/and/0/!')).toBe('/children/1/children/0');
    expect(treePathOf(tree, '/or/0/>=/1')).toBe('/children/0');
    expect(treePathOf(tree, '')).toBe('');
  });

  it('reports a comparison @trellis/rules finds mistyped at its condition', () => {
    const problems = staticErrors(all(c('score', 'ge', 1), c('name', 'gt', 'x')), {
      type: 'object', properties: { score: { type: 'number' }, name: { type: 'boolean' } },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([['RULE_TYPE_MISMATCH', '/children/1']]);
  });

  it('finds nothing wrong with a well-typed tree', () => {
    expect(staticErrors(all(c('score', 'ge', 1), c('since', 'before', '2025-01-01')), SAMPLE_SCHEMA)).toEqual([]);
  });
});
