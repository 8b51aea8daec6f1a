import { badArgument, describe, expectArity } from './arguments.js';
import { type Dec, toDecimal } from './decimal-value.js';

type Comparison = 'ge' | 'gt';
interface TierRow { readonly threshold: Dec; readonly comparison: Comparison; readonly output: unknown }

function parseRow(row: unknown, index: number): TierRow {
  if (Array.isArray(row) && row.length === 3 && (row[1] === 'ge' || row[1] === 'gt')) {
    return { threshold: toDecimal('tier', row[0]), comparison: row[1], output: row[2] };
  }
  throw badArgument('tier', `row ${index} must be [threshold, "ge" | "gt", output], got ${describe(row)}`,
    `第 ${index} 行必须是 [阈值, "ge" | "gt", 结果]，实际为 ${describe(row)}`);
}

/** Rows ascend by threshold; on an equal threshold "ge" comes before "gt" (x = t matches the first only). */
function isAfter(row: TierRow, previous: TierRow): boolean {
  const order = row.threshold.comparedTo(previous.threshold);
  return order > 0 || (order === 0 && previous.comparison === 'ge' && row.comparison === 'gt');
}

function holds(x: Dec, row: TierRow): boolean {
  return row.comparison === 'ge' ? x.gte(row.threshold) : x.gt(row.threshold);
}

/**
 * tier(x, rows, default?): the output of the last row whose condition holds, else default (null).
 * With ascending rows the conditions that hold form a prefix, so "last holding" is the tier x reached.
 */
export function tier(...args: unknown[]): unknown {
  expectArity('tier', args, 2, 3);
  const x = toDecimal('tier', args[0]);
  const table = args[1];
  if (!Array.isArray(table)) {
    throw badArgument('tier', `rows must be an array, got ${describe(table)}`, `行必须是数组，实际为 ${describe(table)}`);
  }
  const rows = table.map(parseRow);
  let result: unknown = args[2] === undefined ? null : args[2];
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (previous !== undefined && !isAfter(row, previous)) {
      throw badArgument('tier', `rows must be in ascending threshold order (row ${i})`, `行必须按阈值升序排列（第 ${i} 行）`);
    }
    if (holds(x, row)) result = row.output;
  });
  return result;
}
