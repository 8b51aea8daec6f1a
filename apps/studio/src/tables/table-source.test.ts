import { describe, expect, it } from 'vitest';
import type { DecisionTable } from '@trellis/rules';
import { placeTable, tablesOf } from './table-source.js';

const text = (en: string) => ({ en, 'zh-CN': `${en}（中）` });
const table = (value: number): DecisionTable => ({
  hitPolicy: 'first',
  inputs: [{ id: 'x', label: text('X'), expr: { var: 'x' } }],
  outputs: [{ id: 'y', label: text('Y') }],
  rows: [{ when: [{ op: '<', value: 1 }], then: [value] }],
});

const program = {
  id: 'p', label: text('Program'),
  derived: [{ id: 'share', label: text('Share'), logic: { var: 'a' } }, { id: 'rate', label: text('Rate'), table: table(0.1) }],
};

describe('decision tables in definitions', () => {
  it('finds a rule table and the tables a program derives values with, labelled by both', () => {
    expect(tablesOf('rule', { id: 'r', label: text('Rule'), table: table(1) }).map((t) => [t.key, t.label.en])).toEqual([['rule:r:table', 'Rule']]);
    expect(tablesOf('rule', { id: 'r', label: text('Rule'), logic: {} })).toEqual([]);
    const [found, ...more] = tablesOf('program', program);
    expect(more).toEqual([]);
    expect(found?.source).toEqual({ kind: 'program', id: 'p', path: ['derived', 1, 'table'] });
    expect(found?.label).toEqual({ en: 'Program · Rate', 'zh-CN': 'Program（中） · Rate（中）' });
    expect(tablesOf('entity', { id: 'e', label: text('E'), table: table(1) })).toEqual([]);
  });

  it('writes an edited table back to its place without touching the rest', () => {
    const before = structuredClone(program);
    const placed = placeTable(program, ['derived', 1, 'table'], table(0.2));
    expect(program).toEqual(before);
    expect(placed.derived).toEqual([program.derived[0], { ...program.derived[1], table: table(0.2) }]);
    expect(placeTable({ id: 'r', table: table(1) }, ['table'], table(2))).toEqual({ id: 'r', table: table(2) });
  });
});
