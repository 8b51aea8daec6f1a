import type { DecisionTable, DecisionTableCell } from './decision-table-types.js';
import type { JsonSchemaObject } from './schema-shape.js';

/** Shared by the tests of this directory. */

export const range = (min: number | string | undefined, max: number | string | undefined, minInclusive: boolean, maxInclusive: boolean): DecisionTableCell =>
  ({ op: 'between', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), minInclusive, maxInclusive });

/** The attainment rebate: <80% 0, [80%, 90%) 2%, [90%, 100%) 3%, [100%, 120%] 5%, >120% 8%. */
export function attainmentTable(): DecisionTable {
  return {
    hitPolicy: 'first',
    inputs: [{ id: 'attainment', label: { en: 'attainment', 'zh-CN': '达成率' }, expr: { var: 'attainment' } }],
    outputs: [{ id: 'rate', label: { en: 'rate', 'zh-CN': '返利比例' } }],
    rows: [
      { when: [{ op: '<', value: 0.8 }], then: [0] },
      { when: [range(0.8, 0.9, true, false)], then: [0.02] },
      { when: [range(0.9, 1, true, false)], then: [0.03] },
      { when: [range(1, 1.2, true, true)], then: [0.05] },
      { when: [{ op: '>', value: 1.2 }], then: [0.08] },
    ],
  };
}

export const performanceSchema: JsonSchemaObject = {
  type: 'object',
  properties: {
    attainment: { type: 'number' },
    target: { type: 'number' },
    actual: { type: 'integer' },
    name: { type: 'string' },
    region: { type: 'string', enum: ['east', 'west'] },
    startDate: { type: 'string', format: 'date' },
    approvedAt: { type: ['string', 'null'], format: 'date-time' },
    active: { type: 'boolean' },
    partner: { $ref: '#/$defs/partner' },
    lines: { type: 'array', items: { $ref: '#/$defs/line' } },
    scores: { type: 'array', items: { type: 'number' } },
  },
  $defs: {
    partner: {
      type: 'object',
      properties: { tier: { type: 'string' }, address: { type: 'object', properties: { city: { type: 'string' } } } },
    },
    line: {
      type: 'object',
      properties: { sku: { type: 'string' }, amount: { type: 'number' }, shippedOn: { type: 'string', format: 'date' } },
    },
  },
};
