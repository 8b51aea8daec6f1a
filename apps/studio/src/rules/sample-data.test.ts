import { describe, expect, it } from 'vitest';
import { sampleRecord } from './sample-data.js';

describe('sampleRecord', () => {
  it('nests dotted paths, keeps lists and leaves blanks out', () => {
    expect(sampleRecord({ a: 1, 'o.city': 'x', 'o.zip': null, tags: ['p', 'q'], b: false })).toEqual({
      a: 1, o: { city: 'x' }, tags: ['p', 'q'], b: false,
    });
  });
});
