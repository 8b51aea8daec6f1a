import { describe, expect, it } from 'vitest';
import { checkDecisionTable, type DecisionTable } from '@trellis/rules';
import { addRow, changeOp, moveUp, removeRow, setCell, setOutput, tryTable, withBound } from './table-edit.js';

const text = (s: string) => ({ en: s, 'zh-CN': s });

/** A generic banded table: one numeric input, one output. */
const bands: DecisionTable = {
  hitPolicy: 'first',
  inputs: [{ id: 'x', label: text('X'), expr: { var: 'x' } }],
  outputs: [{ id: 'y', label: text('Y') }],
  rows: [
    { when: [{ op: '<', value: 1 }], then: ['low'] },
    { when: [{ op: 'between', min: 1, max: 2, minInclusive: true, maxInclusive: false }], then: ['mid'] },
    { when: [{ op: '>=', value: 2 }], then: ['high'] },
  ],
  default: [null],
};

describe('decision table edits', () => {
  it('keep the value when the kind of condition changes', () => {
    expect(changeOp({ op: '<', value: 3 }, 'between')).toEqual({ op: 'between', min: 3, minInclusive: true, maxInclusive: false });
    expect(changeOp({ op: 'between', min: 3, minInclusive: true, maxInclusive: false }, 'in')).toEqual({ op: 'in', values: [3] });
    expect(changeOp({ op: 'in', values: ['a'] }, '==')).toEqual({ op: '==', value: 'a' });
    expect(changeOp({ op: '==', value: 1 }, '-')).toBe('-');
  });

  it('leave a blank bound out (unbounded)', () => {
    expect(withBound({ op: 'between', min: 1, max: 2, minInclusive: true, maxInclusive: false }, 'max', null))
      .toEqual({ op: 'between', min: 1, minInclusive: true, maxInclusive: false });
  });

  it('make an overlap that the checks then report, in words', () => {
    const edited = setCell(bands, 1, 0, { op: 'between', min: 1, max: 2, minInclusive: true, maxInclusive: true });
    const warnings = checkDecisionTable(edited).filter((p) => p.code === 'DT_OVERLAP');
    expect(warnings.map((p) => p.message.en)).toEqual(['X = 2 matches rows 2 and 3 (hit policy "first": row 2 wins)']);
  });

  it('add, move and remove rows and set outputs', () => {
    const added = setOutput(addRow(bands), 3, 0, 'any');
    expect(added.rows[3]).toEqual({ when: ['-'], then: ['any'] });
    expect(moveUp(added, 3).rows[2]).toEqual({ when: ['-'], then: ['any'] });
    expect(moveUp(added, 0)).toBe(added);
    expect(removeRow(added, 0).rows).toHaveLength(3);
  });
});

describe('tryTable', () => {
  it('gives the first matching row and lists every match', () => {
    expect(tryTable(bands, { x: 1.5 })).toEqual({ result: 'mid', matches: [1] });
    const overlapping = addRow(bands);
    expect(tryTable(overlapping, { x: 2 })).toEqual({ result: 'high', matches: [2, 3] });
    expect(tryTable({ ...overlapping, hitPolicy: 'collect' }, { x: 2 }).result).toEqual(['high', null]);
  });

  it('falls back to the default when nothing matches', () => {
    expect(tryTable({ ...bands, rows: bands.rows.slice(1) }, { x: 0 })).toEqual({ result: null, matches: [] });
  });
});
