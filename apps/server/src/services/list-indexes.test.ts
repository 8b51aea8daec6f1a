import { describe, expect, it } from 'vitest';
import { smallEntity } from '@trellis/forms/testing';
import { listFieldIndexes, typedSortKeys } from './list-indexes.js';

const entity = smallEntity({
  schema: {
    type: 'object',
    $defs: { money: { type: 'number' } },
    properties: {
      name: { type: 'string' },
      amount: { $ref: '#/$defs/money' },
      status: { enum: ['a', 'b'] },
      since: { type: 'string', format: 'date' },
      active: { type: 'boolean' },
      notes: { type: 'string' },
      tags: { type: 'array', items: { type: 'string' } },
    },
  },
});

describe('list indexes', () => {
  it('indexes comparable top-level fields and leaves free text and arrays out', () => {
    expect(listFieldIndexes(entity)).toEqual([
      { path: 'amount', type: 'number' },
      { path: 'status', type: 'string' },
      { path: 'since', type: 'date' },
      { path: 'active', type: 'boolean' },
    ]);
  });

  it('sorts indexed numbers as numbers and the other indexed fields as text, leaving the rest alone', () => {
    expect(typedSortKeys(entity, [
      { field: 'amount', direction: 'desc' }, { field: 'since' }, { field: 'active' }, { field: 'notes' }, { field: '$updatedAt' },
      { field: 'status', type: 'number' },
    ])).toEqual([
      { field: 'amount', direction: 'desc', type: 'number' }, { field: 'since', type: 'string' }, { field: 'active', type: 'string' },
      { field: 'notes' }, { field: '$updatedAt' }, { field: 'status', type: 'number' },
    ]);
  });
});
