import { describe, expect, it } from 'vitest';
import { keywordCode, pointerToPath } from './paths.js';

describe('paths and codes', () => {
  it('turns JSON Pointers into dot-separated paths', () => {
    expect(pointerToPath('')).toBe('');
    expect(pointerToPath('/entities/2/fields/name/label')).toBe('entities.2.fields.name.label');
    expect(pointerToPath('/a~1b/c~0d')).toBe('a/b.c~d');
  });

  it('derives stable codes from keywords', () => {
    expect(keywordCode('required')).toBe('SCHEMA_REQUIRED');
    expect(keywordCode('additionalProperties')).toBe('SCHEMA_ADDITIONAL_PROPERTIES');
    expect(keywordCode('false schema')).toBe('SCHEMA_FALSE_SCHEMA');
    expect(keywordCode('oneOf')).toBe('SCHEMA_ONE_OF');
  });
});
