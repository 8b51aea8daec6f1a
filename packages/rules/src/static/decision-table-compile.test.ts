import { describe, expect, it } from 'vitest';
import type { JsonValue, Rule } from '../types.js';
import { evaluateReference } from '../reference.js';
import { loadPristineJsonLogic } from '../testing/pristine-json-logic.js';
import { cellCondition, compileDecisionTable } from './decision-table-compile.js';
import type { DecisionTable } from './decision-table-types.js';
import { checkRuleSafety } from './safety.js';
import { checkRuleAgainstSchema } from './schema-check.js';
import { attainmentTable, performanceSchema, range } from './test-fixtures.js';

const pristine = loadPristineJsonLogic();

/** Evaluates with the reference evaluator and checks plain json-logic-js agrees (the compiled form is plain JSON Logic). */
function run(rule: Rule, data: JsonValue): JsonValue {
  const result = evaluateReference(rule, data);
  expect(pristine.apply(rule, data)).toEqual(result);
  return result;
}

const label = (en: string) => ({ en, 'zh-CN': en });

describe('compileDecisionTable: the attainment rebate', () => {
  const rule = compileDecisionTable(attainmentTable());

  it('gives each tier its rate, boundaries as stated', () => {
    const cases: [number, number][] = [[0.7999, 0], [0.8, 0.02], [0.85, 0.02], [0.9, 0.03], [0.9999, 0.03], [1, 0.05], [1.2, 0.05], [1.2001, 0.08]];
    for (const [attainment, rate] of cases) expect(run(rule, { attainment })).toBe(rate);
  });

  it('is a safe rule that reads only the input\'s fields', () => {
    expect(checkRuleSafety(rule)).toEqual([]);
    expect(checkRuleAgainstSchema(rule, performanceSchema)).toEqual([]);
  });

  it('compiles to a flat if chain ending in the default, null without one', () => {
    expect(rule).toMatchObject({ if: expect.any(Array) });
    const branches = (rule as { if: Rule[] }).if;
    expect(branches).toHaveLength(11);
    expect(branches.at(-1)).toBeNull();
    expect(run(compileDecisionTable({ ...attainmentTable(), rows: [], default: [0.01] }), {})).toBe(0.01);
    const noCatchAll = { ...attainmentTable(), rows: attainmentTable().rows.slice(1, 3), default: [-1] };
    expect(run(compileDecisionTable(noCatchAll), { attainment: 2 })).toBe(-1);
  });
});

describe('cellCondition', () => {
  const x = { var: 'x' };
  const holds = (cell: Parameters<typeof cellCondition>[0], value: JsonValue) => run(cellCondition(cell, x) ?? true, { x: value });

  it('turns ranges into chained or paired comparisons, bounds inclusive or not', () => {
    expect(cellCondition(range(1, 2, true, true), x)).toEqual({ '<=': [1, x, 2] });
    expect(cellCondition(range(1, 2, false, false), x)).toEqual({ '<': [1, x, 2] });
    expect(cellCondition(range(1, 2, false, true), x)).toEqual({ and: [{ '<': [1, x] }, { '<=': [x, 2] }] });
    expect(cellCondition(range(1, undefined, true, false), x)).toEqual({ '<=': [1, x] });
    expect(cellCondition(range(undefined, 2, false, false), x)).toEqual({ '<': [x, 2] });
    expect([0.99, 1, 1.5, 2, 2.01].map((v) => holds(range(1, 2, false, true), v))).toEqual([false, false, true, true, false]);
    expect([0.99, 1, 2, 2.01].map((v) => holds(range(1, 2, true, false), v))).toEqual([false, true, false, false]);
  });

  it('compares texts such as dates the way json-logic-js does', () => {
    const q1 = range('2026-01-01', '2026-03-31', true, true);
    expect(['2025-12-31', '2026-01-01', '2026-03-31', '2026-04-01'].map((d) => holds(q1, d))).toEqual([false, true, true, false]);
  });

  it('tests membership over a literal list, and the comparison operators', () => {
    expect(cellCondition('-', x)).toBeNull();
    expect(cellCondition({ op: 'in', values: ['east', 'west'] }, x)).toEqual({ in: [x, ['east', 'west']] });
    expect(['east', 'north'].map((v) => holds({ op: 'in', values: ['east', 'west'] }, v))).toEqual([true, false]);
    expect(['east', 'north'].map((v) => holds({ op: 'not_in', values: ['east', 'west'] }, v))).toEqual([false, true]);
    const ops = ['==', '!=', '<', '<=', '>', '>='] as const;
    expect(ops.map((op) => [4, 5, 6].map((v) => holds({ op, value: 5 }, v)))).toEqual([
      [false, true, false], [true, false, true], [true, false, false], [true, true, false], [false, false, true], [false, true, true],
    ]);
  });
});

describe('compileDecisionTable: outputs and hit policies', () => {
  const table: DecisionTable = {
    hitPolicy: 'first',
    inputs: [
      { id: 'region', label: label('region'), expr: { var: 'region' } },
      { id: 'amount', label: label('amount'), expr: { '*': [{ var: 'price' }, { var: 'qty' }] } },
    ],
    outputs: [{ id: 'rate', label: label('rate') }, { id: 'tag', label: label('tag') }],
    rows: [
      { when: [{ op: 'in', values: ['east', 'south'] }, { op: '>=', value: 1000 }], then: [0.1, 'big-east'] },
      { when: ['-', { op: '>=', value: 1000 }], then: [0.05, { var: 'literal' }] },
      { when: [{ op: 'not_in', values: ['east'] }, '-'], then: [0, ['x', { only: 1 }]] },
    ],
    default: [null, 'none'],
  };

  it('yields an object per hit with several outputs, values taken literally', () => {
    const rule = compileDecisionTable(table);
    expect(run(rule, { region: 'east', price: 500, qty: 2 })).toEqual({ rate: 0.1, tag: 'big-east' });
    expect(run(rule, { region: 'north', price: 500, qty: 3 })).toEqual({ rate: 0.05, tag: { var: 'literal' } });
    expect(run(rule, { region: 'north', price: 5, qty: 3 })).toEqual({ rate: 0, tag: ['x', { only: 1 }] });
    expect(run(rule, { region: 'east', price: 5, qty: 3 })).toEqual({ rate: null, tag: 'none' });
    expect(checkRuleSafety(rule)).toEqual([]);
  });

  it('collects every hit in row order, and nothing when no row matches', () => {
    const rule = compileDecisionTable({ ...table, hitPolicy: 'collect' });
    expect(run(rule, { region: 'east', price: 500, qty: 2 })).toEqual([{ rate: 0.1, tag: 'big-east' }, { rate: 0.05, tag: { var: 'literal' } }]);
    expect(run(rule, { region: 'east', price: 5, qty: 3 })).toEqual([]);
    expect(compileDecisionTable({ ...table, hitPolicy: 'collect', rows: [] })).toEqual([]);
  });

  it('yields the value itself with one output, even a one-key object or a list', () => {
    const single: DecisionTable = {
      hitPolicy: 'collect',
      inputs: [{ id: 'n', label: label('n'), expr: { var: 'n' } }],
      outputs: [{ id: 'v', label: label('v') }],
      rows: [
        { when: [{ op: '>', value: 0 }], then: [{ var: 'not evaluated' }] },
        { when: ['-'], then: [[1, [2]]] },
        { when: [{ op: '==', value: 2 }], then: ['two'] },
      ],
    };
    const rule = compileDecisionTable(single);
    expect(run(rule, { n: 2 })).toEqual([{ var: 'not evaluated' }, [1, [2]], 'two']);
    expect(run(rule, { n: -1 })).toEqual([[1, [2]]]);
    expect(run(compileDecisionTable({ ...single, hitPolicy: 'first' }), { n: 1 })).toEqual({ var: 'not evaluated' });
  });
});
