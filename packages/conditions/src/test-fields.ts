import type { JsonSchemaObject } from '@trellis/rules';
import type { Field } from './types.js';

/** A small schema with one field of each kind the builder knows, and one it does not (a union). */
export const SAMPLE_SCHEMA: JsonSchemaObject = {
  type: 'object',
  $defs: { day: { type: 'string', format: 'date' } },
  properties: {
    score: { type: 'number' },
    count: { type: ['integer', 'null'] },
    name: { type: 'string' },
    active: { type: 'boolean' },
    since: { $ref: '#/$defs/day' },
    level: { type: 'string', enum: ['low', 'mid', 'high'] },
    tags: { type: 'array', items: { type: 'string', enum: ['x', 'y', 'z'] } },
    rows: { type: 'array', items: { type: 'object' } },
    owner: { type: 'object', properties: { city: { type: 'string' } } },
    odd: { type: ['string', 'number'] },
  },
};

const text = (s: string) => ({ en: s, 'zh-CN': s });

export const SAMPLE_FIELDS: readonly Field[] = [
  { path: 'score', type: 'number', label: text('score') },
  { path: 'count', type: 'integer', label: text('count') },
  { path: 'name', type: 'string', label: text('name') },
  { path: 'active', type: 'boolean', label: text('active') },
  { path: 'since', type: 'date', label: text('since') },
  { path: 'level', type: 'enum', label: text('level'), options: ['low', 'mid', 'high'] },
  { path: 'tags', type: 'array', label: text('tags'), options: ['x', 'y', 'z'] },
  { path: 'rows', type: 'array', label: text('rows') },
  { path: 'owner.city', type: 'string', label: text('owner › city') },
];
