/** Test fixtures: a generic record schema with every kind of field. Not exported from the package. */
import type { FieldLabels } from './import-map.js';
import type { FieldSchema, JsonObject } from './types.js';

const text = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });

export const SCHEMA: FieldSchema = {
  type: 'object',
  $defs: { date: { type: 'string', format: 'date' } },
  properties: {
    name: { type: 'string' },
    count: { type: 'integer' },
    amount: { type: 'number' },
    active: { type: 'boolean' },
    since: { $ref: '#/$defs/date' },
    tags: { type: 'array', items: { type: 'string' } },
    scores: { type: 'array', items: { type: 'number' } },
    address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string' } } },
    note: { type: ['string', 'null'] },
    level: { enum: ['a', 'b'] },
  },
};

export const LABELS: FieldLabels = {
  name: text('名称', 'Name'),
  count: text('数量', 'Count'),
  amount: text('金额', 'Amount'),
  active: text('启用', 'Active'),
  since: text('起始日期', 'Since'),
  tags: text('标签', 'Tags'),
  'address.city': text('城市', 'City'),
};

export const RECORDS: JsonObject[] = [
  {
    name: '华东电子有限公司', count: 12, amount: -1234.5, active: true, since: '2026-03-01', tags: ['重点', '华东'], scores: [1, 2.5],
    address: { city: '上海', zip: '200000' }, note: '=HYPERLINK("http://127.0.0.1/x","点我")', level: 'a',
  },
  { name: '+86 销售', count: 0, active: false, tags: [], address: { city: '@北京' }, note: null, level: 'b' },
  { name: '-减号开头', amount: 0.1, note: '\tTab 开头', since: '2025-12-31' },
];
