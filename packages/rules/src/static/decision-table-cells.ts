import type { LocalizedText } from '@trellis/errors';
import type { JsonValue } from '../types.js';
import type { DecisionTableCell, DecisionTableInput } from './decision-table-types.js';

export type Primitive = string | number | boolean | null;

/** Numbers x with lo < x < hi, or ≤ where inclusive; the bounds may be infinite. */
export interface Interval {
  readonly lo: number;
  readonly loIncl: boolean;
  readonly hi: number;
  readonly hiIncl: boolean;
}

/**
 * The values a cell matches, as far as coverage analysis can tell: numeric ranges, finite sets,
 * everything except a set, anything ("-"), or unknown (text ranges, object values…).
 */
export type Constraint =
  | { readonly kind: 'any' }
  | { readonly kind: 'interval'; readonly interval: Interval }
  | { readonly kind: 'set'; readonly values: readonly Primitive[] }
  | { readonly kind: 'except'; readonly values: readonly Primitive[] }
  | { readonly kind: 'unknown' };

const isPrimitive = (v: JsonValue): v is Primitive => v === null || typeof v !== 'object';
const UNKNOWN: Constraint = { kind: 'unknown' };

function interval(lo: number, loIncl: boolean, hi: number, hiIncl: boolean): Constraint {
  return { kind: 'interval', interval: { lo, loIncl, hi, hiIncl } };
}

function numberOrNull(bound: JsonValue | undefined): number | null | 'bad' {
  if (bound === undefined) return null;
  return typeof bound === 'number' ? bound : 'bad';
}

export function cellConstraint(cell: DecisionTableCell): Constraint {
  if (cell === '-') return { kind: 'any' };
  switch (cell.op) {
    case 'between': {
      const min = numberOrNull(cell.min);
      const max = numberOrNull(cell.max);
      if (min === 'bad' || max === 'bad') return UNKNOWN;
      return interval(min ?? -Infinity, min !== null && cell.minInclusive, max ?? Infinity, max !== null && cell.maxInclusive);
    }
    case 'in':
    case 'not_in':
      if (!Array.isArray(cell.values) || !cell.values.every(isPrimitive)) return UNKNOWN;
      return { kind: cell.op === 'in' ? 'set' : 'except', values: cell.values };
    default: {
      const { value } = cell;
      if (typeof value === 'number') {
        switch (cell.op) {
          case '<': return interval(-Infinity, false, value, false);
          case '<=': return interval(-Infinity, false, value, true);
          case '>': return interval(value, false, Infinity, false);
          case '>=': return interval(value, true, Infinity, false);
          case '==': return interval(value, true, value, true);
          default: return { kind: 'except', values: [value] };
        }
      }
      if (!isPrimitive(value) || value === undefined) return UNKNOWN;
      if (cell.op === '==') return { kind: 'set', values: [value] };
      return cell.op === '!=' ? { kind: 'except', values: [value] } : UNKNOWN;
    }
  }
}

/** How messages name an input: its label, or its position when the table lacks it (before schema validation). */
export function inputLabel(input: DecisionTableInput | undefined, index: number): LocalizedText {
  return input?.label ?? { en: `input ${index + 1}`, 'zh-CN': `输入 ${index + 1}` };
}

const reason = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

function boundType(bound: JsonValue | undefined): 'none' | 'number' | 'string' | 'bad' {
  if (bound === undefined) return 'none';
  return typeof bound === 'number' || typeof bound === 'string' ? typeof bound as 'number' | 'string' : 'bad';
}

function betweenProblem(cell: Extract<DecisionTableCell, { op: 'between' }>): LocalizedText | null {
  const [minType, maxType] = [boundType(cell.min), boundType(cell.max)];
  if (minType === 'none' && maxType === 'none') return reason('a range needs a min or a max', '区间至少需要最小值或最大值');
  if (minType === 'bad' || maxType === 'bad' || (minType !== 'none' && maxType !== 'none' && minType !== maxType)) {
    return reason('range bounds must both be numbers or both be texts (such as dates)', '区间边界必须同为数字或同为文本（如日期）');
  }
  if (typeof cell.minInclusive !== 'boolean' || typeof cell.maxInclusive !== 'boolean') {
    return reason('minInclusive and maxInclusive must be true or false', 'minInclusive 和 maxInclusive 必须为 true 或 false');
  }
  const { min, max } = cell as { min?: number | string; max?: number | string };
  if (min !== undefined && max !== undefined && (min > max || (min === max && !(cell.minInclusive && cell.maxInclusive)))) {
    return reason('the range is empty: no value lies between its bounds', '区间为空：没有任何值位于边界之间');
  }
  return null;
}

/** Why a cell cannot be used, or null. The format's JSON Schema catches most of this; this is the rest. */
export function cellProblem(cell: DecisionTableCell): LocalizedText | null {
  if (cell === '-') return null;
  if (cell === null || typeof cell !== 'object') return reason('a condition must be "-" or an object with "op"', '条件必须是 "-" 或带有 "op" 的对象');
  switch (cell.op) {
    case 'between':
      return betweenProblem(cell);
    case 'in':
    case 'not_in':
      return Array.isArray(cell.values) && cell.values.length > 0 ? null
        : reason(`"${cell.op}" needs a non-empty list of values`, `"${cell.op}" 需要非空的取值列表`);
    case '==': case '!=': case '<': case '<=': case '>': case '>=':
      return cell.value === undefined ? reason(`"${cell.op}" needs a value`, `"${cell.op}" 需要一个值`) : null;
    default:
      return reason(`unknown condition "${String((cell as { op?: unknown }).op)}"`, `未知的条件"${String((cell as { op?: unknown }).op)}"`);
  }
}
