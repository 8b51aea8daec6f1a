import type { LocalizedText } from '@trellis/errors';
import type { JsonValue, Rule } from '../../types.js';
import type { Operator } from '../names.js';

export const OPERATOR_CATEGORIES = {
  data: { en: 'Reading data', 'zh-CN': '读取数据' },
  logic: { en: 'Logic and branching', 'zh-CN': '逻辑与分支' },
  comparison: { en: 'Comparison', 'zh-CN': '比较' },
  arithmetic: { en: 'Arithmetic (binary floating point, as json-logic-js)', 'zh-CN': '算术（二进制浮点，与 json-logic-js 相同）' },
  decimal: { en: 'Decimal-exact arithmetic (money)', 'zh-CN': '十进制精确运算（金额）' },
  array: { en: 'Arrays', 'zh-CN': '数组' },
  aggregate: { en: 'Aggregates over arrays', 'zh-CN': '数组聚合' },
  string: { en: 'Strings', 'zh-CN': '字符串' },
  date: { en: 'Dates', 'zh-CN': '日期' },
  lookup: { en: 'Lookups', 'zh-CN': '查表' },
} as const satisfies Record<string, LocalizedText>;
export type OperatorCategory = keyof typeof OPERATOR_CATEGORIES;

export interface OperatorExample {
  readonly rule: Rule;
  /** the data the rule is evaluated on; absent = no data */
  readonly data?: JsonValue;
  /** what evaluateReference(rule, data) returns (checked by a test) */
  readonly result: JsonValue;
}

export interface OperatorDoc {
  readonly name: Operator;
  readonly category: OperatorCategory;
  /** arguments as written in a rule, e.g. `{"round": [x, places?, mode?]}` */
  readonly signature: string;
  readonly description: LocalizedText;
  readonly examples: readonly [OperatorExample, ...OperatorExample[]];
}
