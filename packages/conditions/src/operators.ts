import type { LocalizedText } from '@trellis/errors';
import type { FieldType, OperatorId, ValueKind } from './types.js';

export interface OperatorInfo {
  readonly id: OperatorId;
  readonly label: LocalizedText;
  readonly valueKind: ValueKind;
}

const op = (id: OperatorId, valueKind: ValueKind, en: string, zh: string): OperatorInfo =>
  ({ id, valueKind, label: { en, 'zh-CN': zh } });

/** Every operator the builder writes; how each reads as JSON Logic is in json-logic-forms.ts. */
export const OPERATORS: Readonly<Record<OperatorId, OperatorInfo>> = {
  eq: op('eq', 'one', 'is', '等于'),
  ne: op('ne', 'one', 'is not', '不等于'),
  lt: op('lt', 'one', '<', '<'),
  le: op('le', 'one', '≤', '≤'),
  gt: op('gt', 'one', '>', '>'),
  ge: op('ge', 'one', '≥', '≥'),
  between: op('between', 'range', 'between (inclusive)', '介于（含边界）'),
  in: op('in', 'list', 'is one of', '属于'),
  not_in: op('not_in', 'list', 'is none of', '不属于'),
  contains: op('contains', 'one', 'contains', '包含'),
  not_contains: op('not_contains', 'one', 'does not contain', '不包含'),
  empty: op('empty', 'none', 'is empty', '为空'),
  not_empty: op('not_empty', 'none', 'is not empty', '不为空'),
  before: op('before', 'one', 'is before', '早于'),
  after: op('after', 'one', 'is after', '晚于'),
  within: op('within', 'range', 'is within', '在期间内（含边界）'),
  has: op('has', 'one', 'includes', '含有'),
  not_has: op('not_has', 'one', 'does not include', '不含有'),
};

const BY_TYPE: Readonly<Record<FieldType, readonly OperatorId[]>> = {
  number: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between'],
  integer: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between'],
  string: ['eq', 'ne', 'contains', 'not_contains', 'empty', 'not_empty'],
  enum: ['in', 'not_in', 'eq', 'ne'],
  date: ['before', 'after', 'within', 'empty', 'not_empty'],
  boolean: ['eq', 'ne'],
  array: ['has', 'not_has', 'empty', 'not_empty'],
};

/** The operators offered for a field type, the most used first. */
export function operatorsFor(type: FieldType): readonly OperatorInfo[] {
  return BY_TYPE[type].map((id) => OPERATORS[id]);
}

export function allowsOperator(type: FieldType, id: OperatorId): boolean {
  return BY_TYPE[type].includes(id);
}
