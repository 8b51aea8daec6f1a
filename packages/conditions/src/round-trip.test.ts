import { describe, expect, it } from 'vitest';
import { fromJsonLogic } from './from-json-logic.js';
import { operatorsFor } from './operators.js';
import { SAMPLE_FIELDS } from './test-fields.js';
import { toJsonLogic } from './to-json-logic.js';
import type { ConditionTree, ConditionValue, Field, Group, Literal, OperatorId } from './types.js';

/** xorshift32: repeatable pseudo-random numbers in [0, 1) for a given seed (tests may not use Math.random). */
function seeded(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function generator(seed: number) {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const literal = (field: Field): Literal => {
    if (random() < 0.05) return null; // a value not entered yet
    switch (field.type) {
      case 'number': return pick([0, 0.8, -3.25, 1e6, 12]);
      case 'integer': return pick([0, 1, 42, -7]);
      case 'boolean': return random() < 0.5;
      case 'date': return pick(['2024-02-29', '2025-01-01', '2026-12-31']);
      case 'string': return pick(['', 'a', 'east', '华东', '"quoted"']);
      case 'enum':
      case 'array': return field.options === undefined ? pick(['x', 7]) : pick(field.options);
    }
  };
  const value = (field: Field, operator: OperatorId): ConditionValue => {
    const info = operatorsFor(field.type).find((o) => o.id === operator);
    switch (info?.valueKind) {
      case 'one': return literal(field);
      case 'range': return [literal(field), literal(field)];
      case 'list': return Array.from({ length: Math.floor(random() * 4) }, () => literal(field));
      default: return null;
    }
  };
  const tree = (depth: number): Group => {
    const children: ConditionTree[] = Array.from({ length: Math.floor(random() * 4) }, () => {
      if (depth < 3 && random() < 0.3) return tree(depth + 1);
      const field = pick(SAMPLE_FIELDS);
      const operator = pick(operatorsFor(field.type)).id;
      return { kind: 'condition', field: field.path, operator, value: value(field, operator) };
    });
    const group: Group = { kind: 'group', combinator: random() < 0.5 ? 'all' : 'any', children };
    return random() < 0.2 ? { ...group, negated: true } : group;
  };
  return tree;
}

function operatorsIn(rule: unknown): string[] {
  if (Array.isArray(rule)) return rule.flatMap(operatorsIn);
  if (rule === null || typeof rule !== 'object') return [];
  return Object.entries(rule).flatMap(([op, args]) => [op, ...operatorsIn(args)]);
}

describe('toJsonLogic / fromJsonLogic', () => {
  it('round-trips 2000 random trees (seeded) of every field type, operator and nesting', () => {
    const tree = generator(20_260_331);
    const operators = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const original = tree(0);
      const rule = toJsonLogic(original);
      const read = fromJsonLogic(rule, SAMPLE_FIELDS);
      expect(read).toEqual({ ok: true, value: original });
      operatorsIn(rule).forEach((op) => operators.add(op));
    }
    // the generator really reached every form
    expect([...operators].sort()).toEqual(['!', '!!', '!=', '<', '<=', '==', '>', '>=', 'and', 'date_after', 'date_before',
      'date_between', 'in', 'or', 'var']);
  });

  it('writes the expected JSON Logic for a typical condition', () => {
    const tree: Group = {
      kind: 'group', combinator: 'all', children: [
        { kind: 'condition', field: 'score', operator: 'ge', value: 0.8 },
        { kind: 'condition', field: 'level', operator: 'in', value: ['mid', 'high'] },
        { kind: 'group', combinator: 'any', negated: true, children: [] },
      ],
    };
    expect(toJsonLogic(tree)).toEqual({
      and: [{ '>=': [{ var: 'score' }, 0.8] }, { in: [{ var: 'level' }, ['mid', 'high']] }, { '!': false }],
    });
  });

  it('puts a lone condition into an "all" group', () => {
    expect(fromJsonLogic({ '<': [{ var: 'score' }, 3] }, SAMPLE_FIELDS)).toEqual({
      ok: true, value: { kind: 'group', combinator: 'all', children: [{ kind: 'condition', field: 'score', operator: 'lt', value: 3 }] },
    });
  });

  it.each([
    ['arithmetic', { '>': [{ '+': [{ var: 'score' }, 1] }, 3] }, '/and/0'],
    ['a value of the wrong type', { '==': [{ var: 'score' }, 'high'] }, '/and/0'],
    ['an operator the type does not offer', { date_before: [{ var: 'score' }, '2025-01-01'] }, ''],
    ['a choice list on a text field', { in: [{ var: 'name' }, ['a']] }, ''],
    ['a doubly negated group', { '!': { '!': { and: [] } } }, ''],
    ['an empty and', { and: [] }, ''],
    ['a var with a default', { '==': [{ var: ['score', 0] }, 1] }, ''],
  ])('refuses %s (the UI then shows the formula editor)', (_name, rule, path) => {
    const inner = path === '' ? rule : { and: [rule] };
    const read = fromJsonLogic(inner, SAMPLE_FIELDS);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatchObject({ code: 'CONDITIONS_NOT_REPRESENTABLE', path });
  });

  it('names a field the data does not have', () => {
    const read = fromJsonLogic({ or: [{ '==': [{ var: 'nope' }, 1] }] }, SAMPLE_FIELDS);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatchObject({ code: 'CONDITIONS_UNKNOWN_FIELD', path: '/or/0', details: { field: 'nope' } });
  });
});
