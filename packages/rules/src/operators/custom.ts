import type { CustomOperator } from './names.js';
import { avg, length, maxOf, minOf, sum } from './arrays.js';
import { date, dateAdd, dateAfter, dateBefore, dateBetween, dateDiff, month, quarter, year } from './dates.js';
import { decAdd, decDiv, decMul, decSub, round } from './decimal.js';
import { tier } from './tier.js';

/**
 * The one implementation of every custom operator, on already-evaluated arguments (the way
 * json-logic-js calls its operations). The reference and the compiled evaluator both call these.
 */
export const customOperators: Readonly<Record<CustomOperator, (...args: unknown[]) => unknown>> = Object.freeze({
  date,
  date_add: dateAdd,
  date_diff: dateDiff,
  date_before: dateBefore,
  date_after: dateAfter,
  date_between: dateBetween,
  year,
  quarter,
  month,
  dec_add: decAdd,
  dec_sub: decSub,
  dec_mul: decMul,
  dec_div: decDiv,
  round,
  length,
  sum,
  avg,
  min_of: minOf,
  max_of: maxOf,
  tier,
});
