import { describe, expect, it } from 'vitest';
import { changedFields } from './history.js';

describe('changed fields of an audit entry', () => {
  it('lists the fields that differ, reading records under data', () => {
    expect(changedFields({ data: { a: 1, b: [1] } }, { data: { a: 1, b: [2], c: 'x' } })).toEqual(['b', 'c']);
  });

  it('treats a missing side as empty (creation, deletion)', () => {
    expect(changedFields(null, { a: 1 })).toEqual(['a']);
    expect(changedFields({ a: 1 }, undefined)).toEqual(['a']);
  });
});
