import { describe, expect, it } from 'vitest';
import { validateDefinition } from '@trellis/definitions';
import { checkFormDefinition } from '@trellis/forms';
import { largeForm } from './large-form.js';
import { toDefinition } from './to-definition.js';

describe('the large benchmark form', () => {
  it('is a valid form of the size asked, with conditions and computed fields', () => {
    const form = largeForm('big', 150);
    const definition = toDefinition(form);
    expect(Object.keys(definition.schema.properties ?? {})).toHaveLength(150);
    expect(validateDefinition('entity', definition).ok).toBe(true);
    expect(checkFormDefinition(definition)).toEqual([]);
    expect(Object.keys(definition.rules?.visibility ?? {}).length).toBeGreaterThan(5);
    expect(Object.keys(definition.rules?.computed ?? {}).length).toBeGreaterThan(5);
  });
});
