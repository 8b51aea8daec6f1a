import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@trellis/definitions';
import { localDay, newRecordValues } from './new-record.js';

const definition = {
  kind: 'entity', formatVersion: 1, id: 'visit', label: { 'zh-CN': '拜访', en: 'Visit' },
  schema: { type: 'object', properties: { on: { type: 'string', format: 'date' }, status: { type: 'string' }, due: { type: 'string' }, box: { type: 'object', properties: { ok: { type: 'boolean' } } } } },
  rules: {
    defaults: {
      on: { rule: { var: '$today' } },
      status: { value: 'open' },
      due: { rule: { date_add: [{ var: '$today' }, 7, 'days'] } },
      'box.ok': { value: false },
    },
  },
} as unknown as EntityDefinition;

describe('a new record in the preview', () => {
  it('starts with the fixed defaults and the formulas worked out for the day', () => {
    expect(newRecordValues(definition, '2025-03-13T19:00:00Z', '2025-03-14')).toEqual({ on: '2025-03-14', status: 'open', due: '2025-03-21' });
  });
});

describe('the day of the browser', () => {
  it('is the local calendar date', () => {
    expect(localDay(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});
