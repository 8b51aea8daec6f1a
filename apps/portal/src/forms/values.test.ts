import { describe, expect, it } from 'vitest';
import { getAt, pruneEmpty, setAt, withComputed } from './values.js';

describe('field paths in record data', () => {
  it('reads and writes nested fields without touching the original', () => {
    const data = { a: 1, documents: { licence: { fileId: 'x' } } };
    expect(getAt(data, 'documents.licence.fileId')).toBe('x');
    expect(getAt(data, 'documents.missing.fileId')).toBeUndefined();
    const next = setAt(data, 'documents.photo', { fileId: 'y' });
    expect(next).toEqual({ a: 1, documents: { licence: { fileId: 'x' }, photo: { fileId: 'y' } } });
    expect(data.documents).toEqual({ licence: { fileId: 'x' } });
    expect(setAt(data, 'a', null)).toEqual({ documents: { licence: { fileId: 'x' } } });
  });

  it('writes computed values in', () => {
    expect(withComputed({ province: 'CN-SH' }, { region: 'east' })).toEqual({ province: 'CN-SH', region: 'east' });
  });

  it('drops the empty objects a form fills in for untouched groups', () => {
    expect(pruneEmpty({ a: 1, documents: { licence: {}, photos: [] }, b: undefined, c: { d: { e: {} } } })).toEqual({ a: 1, documents: { photos: [] } });
  });
});
