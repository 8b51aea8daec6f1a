import { describe, expect, it } from 'vitest';
import { fieldsOf } from './fields.js';
import { SAMPLE_FIELDS, SAMPLE_SCHEMA } from './test-fields.js';

describe('fieldsOf', () => {
  it('types every comparable field, follows $refs and nests objects under dotted paths', () => {
    expect(fieldsOf(SAMPLE_SCHEMA)).toEqual(SAMPLE_FIELDS);
  });

  it('takes labels from the definition and joins nested ones', () => {
    const labels = {
      score: { label: { en: 'Score', 'zh-CN': '得分' } },
      owner: { label: { en: 'Owner', 'zh-CN': '负责人' } },
      'owner.city': { label: { en: 'City', 'zh-CN': '城市' } },
    };
    const fields = fieldsOf(SAMPLE_SCHEMA, labels);
    expect(fields.find((f) => f.path === 'score')?.label).toEqual({ en: 'Score', 'zh-CN': '得分' });
    expect(fields.find((f) => f.path === 'owner.city')?.label).toEqual({ en: 'Owner › City', 'zh-CN': '负责人 › 城市' });
  });

  it('carries the labels of an enum field\'s values', () => {
    const east = { en: 'East', 'zh-CN': '华东' };
    const fields = fieldsOf({ type: 'object', properties: { region: { type: 'string', enum: ['east', 'west'] }, name: { type: 'string' } } },
      { region: { options: { east } }, name: { options: { east } } });
    expect(fields.find((f) => f.path === 'region')?.optionLabels).toEqual({ east });
    expect(fields.find((f) => f.path === 'name')?.optionLabels).toBeUndefined();
  });

  it('leaves out what it cannot follow: remote refs, dotted keys, unions', () => {
    const fields = fieldsOf({
      type: 'object',
      properties: { far: { $ref: 'https://example.invalid/x' }, 'a.b': { type: 'string' }, u: { type: ['string', 'number'] } },
    });
    expect(fields).toEqual([]);
  });
});
