import type { JsonValue, Rule } from '../types.js';
import type { DecisionTable, DecisionTableCell } from './decision-table-types.js';
import { quoteLiteral } from './quote.js';

/**
 * The condition a cell puts on its input's value (the input's expression, inlined), or null for "-".
 * Ranges use json-logic-js's chained comparisons where both bounds agree, so the input is written once.
 */
export function cellCondition(cell: DecisionTableCell, subject: Rule): Rule | null {
  if (cell === '-') return null;
  switch (cell.op) {
    case 'between': {
      const low = cell.min === undefined ? null : { op: cell.minInclusive ? '<=' : '<', bound: quoteLiteral(cell.min) };
      const high = cell.max === undefined ? null : { op: cell.maxInclusive ? '<=' : '<', bound: quoteLiteral(cell.max) };
      if (low !== null && high !== null) {
        return low.op === high.op ? { [low.op]: [low.bound, subject, high.bound] }
          : { and: [{ [low.op]: [low.bound, subject] }, { [high.op]: [subject, high.bound] }] };
      }
      if (low !== null) return { [low.op]: [low.bound, subject] };
      return high === null ? null : { [high.op]: [subject, high.bound] };
    }
    case 'in':
      return { in: [subject, quoteLiteral(cell.values)] };
    case 'not_in':
      return { '!': [{ in: [subject, quoteLiteral(cell.values)] }] };
    default:
      return { [cell.op]: [subject, quoteLiteral(cell.value)] };
  }
}

/** A row's condition: all its cells (`true` when every cell is "-"). */
function rowCondition(table: DecisionTable, cells: readonly DecisionTableCell[]): Rule {
  const conditions = cells.flatMap((cell, i) => {
    const condition = cellCondition(cell, table.inputs[i]?.expr ?? null);
    return condition === null ? [] : [condition];
  });
  if (conditions.length === 0) return true;
  return conditions.length === 1 ? conditions[0] as Rule : { and: conditions };
}

/**
 * One hit's result: with one output its value; with several an object {outputId: value}. An object
 * with two or more keys is data to json-logic-js (returned as is, values unevaluated), so only the
 * single-output value needs quoting.
 */
function hitValue(table: DecisionTable, values: readonly JsonValue[]): Rule {
  if (table.outputs.length === 1) return quoteLiteral(values[0] ?? null);
  if (table.outputs.length === 0) return null;
  // quoting keeps the result an object even if duplicate ids (a reported error) left a single key
  return quoteLiteral(Object.fromEntries(table.outputs.map((output, i) => [output.id, values[i] ?? null])));
}

/**
 * Compiles a decision table to plain JSON Logic (assumes checkDecisionTable reported no errors).
 * "first": {"if": [row1, hit1, row2, hit2, …, default]}; "collect": {"merge": [{"if": [row1, [hit1], []]}, …]},
 * an array of the hits in row order. Output values are literals, never evaluated.
 */
export function compileDecisionTable(table: DecisionTable): Rule {
  if (table.hitPolicy === 'collect') {
    const parts = table.rows.map((row) => {
      const condition = rowCondition(table, row.when);
      const hit = [hitValue(table, row.then)];
      return condition === true ? hit : { if: [condition, hit, []] };
    });
    return parts.length === 0 ? [] : { merge: parts };
  }
  const fallback = table.default === undefined ? null : hitValue(table, table.default);
  if (table.rows.length === 0) return fallback;
  return { if: [...table.rows.flatMap((row) => [rowCondition(table, row.when), hitValue(table, row.then)]), fallback] };
}
