import { describe, expect, it } from 'vitest';
import { appendAt, newCondition, newGroup, removeAt, updateAt, withOperator } from './edit.js';
import { SAMPLE_FIELDS } from './test-fields.js';
import type { Field, Group } from './types.js';

const field = (path: string) => SAMPLE_FIELDS.find((f) => f.path === path) as Field;

describe('tree edits', () => {
  const start: Group = appendAt(appendAt(newGroup(), '', newCondition(field('score'))), '', newGroup('any')) as Group;

  it('add conditions and groups where asked, leaving the rest', () => {
    const tree = appendAt(start, '/children/1', newCondition(field('level'))) as Group;
    expect(tree.children[1]).toEqual({ kind: 'group', combinator: 'any', children: [{ kind: 'condition', field: 'level', operator: 'in', value: [] }] });
    expect(tree.children[0]).toBe(start.children[0]);
  });

  it('remove a node but never the root', () => {
    expect((removeAt(start, '/children/0') as Group).children).toEqual([newGroup('any')]);
    expect(removeAt(start, '')).toBe(start);
  });

  it('start the value over when the operator changes, and the operator with a new field', () => {
    const condition = { kind: 'condition', field: 'score', operator: 'ge', value: 3 } as const;
    expect(withOperator(condition, 'between').value).toEqual([null, null]);
    expect(newCondition(field('level'))).toEqual({ kind: 'condition', field: 'level', operator: 'in', value: [] });
    expect(newCondition(field('since'))).toEqual({ kind: 'condition', field: 'since', operator: 'before', value: null });
  });

  it('ignore paths that lead nowhere', () => {
    expect(updateAt(start, '/children/9', () => null)).toEqual(start);
  });
});
