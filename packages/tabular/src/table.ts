import { fail, ok, type Problem, type Result } from '@trellis/errors';
import type { TabularLimits } from './limits.js';
import { tabularProblems } from './problems.js';
import type { Cell, ParsedTable } from './types.js';

const isBlank = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/**
 * A grid read from a file as headers and rows, within the limits. Blank rows are skipped; so are
 * columns with neither a header nor any value (spreadsheets often carry such trailing columns).
 */
export function tableOf(grid: readonly (readonly Cell[])[], limits: TabularLimits): Result<ParsedTable> {
  const lines = grid.filter((line) => !line.every(isBlank));
  const [headerLine, ...body] = lines;
  if (headerLine === undefined) return fail([tabularProblems.empty()]);
  if (body.length > limits.maxRows) return fail([tabularProblems.tooLarge('rows', limits.maxRows)]);
  const used = new Set<number>();
  // forEach skips the holes of sparse lines (as read from XLSX), so the cost follows the filled cells
  for (const line of lines) line.forEach((cell, i) => (isBlank(cell) ? undefined : used.add(i)));
  const kept = [...used].sort((a, b) => a - b);
  if (kept.length > limits.maxColumns) return fail([tabularProblems.tooLarge('columns', limits.maxColumns)]);

  const headers = kept.map((i) => String(headerLine[i] ?? '').trim());
  const problems: Problem[] = [];
  headers.forEach((header, i) => {
    if (headers.indexOf(header) !== i) problems.push(tabularProblems.duplicateColumn(i, header));
  });
  const rows = body.map((line, r) =>
    Object.fromEntries(kept.map((i, c) => {
      const cell = line[i] ?? null;
      const header = headers[c] as string;
      if (typeof cell === 'string' && cell.length > limits.maxCellLength) {
        problems.push(tabularProblems.tooLarge('cell', limits.maxCellLength, `rows.${r + 2}.${header}`));
      }
      return [header, isBlank(cell) ? null : cell];
    })));
  return problems.length > 0 ? fail(problems) : ok({ headers, rows });
}
