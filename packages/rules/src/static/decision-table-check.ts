import type { Problem } from '@trellis/errors';
import type { DecisionTable } from './decision-table-types.js';
import { cellProblem, inputLabel } from './decision-table-cells.js';
import { coverageWarnings } from './decision-table-coverage.js';
import { staticProblems } from './problems.js';

function duplicateIds(items: readonly { id: string }[], part: 'inputs' | 'outputs'): Problem[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return [];
    }
    return [staticProblems.duplicateId(`/${part}/${i}/id`, item.id)];
  });
}

/**
 * Errors (DT_ARITY, DT_DUPLICATE_ID, DT_BAD_CELL) and warnings (DT_OVERLAP, DT_GAP, with
 * details.severity = 'warning') of a decision table. Warnings consider only the rows without errors.
 * The inputs' expressions are rules: check them with checkRuleSafety / checkRuleAgainstSchema.
 */
export function checkDecisionTable(table: DecisionTable): Problem[] {
  const problems = [...duplicateIds(table.inputs, 'inputs'), ...duplicateIds(table.outputs, 'outputs')];
  if (table.default !== undefined && table.default.length !== table.outputs.length) {
    problems.push(staticProblems.tableDefaultArity(table.default.length, table.outputs.length));
  }
  const usable: number[] = [];
  table.rows.forEach((row, r) => {
    const before = problems.length;
    if (row.when.length !== table.inputs.length) {
      problems.push(staticProblems.tableArity(`/rows/${r}/when`, r + 1, 'when', row.when.length, table.inputs.length));
    }
    if (row.then.length !== table.outputs.length) {
      problems.push(staticProblems.tableArity(`/rows/${r}/then`, r + 1, 'then', row.then.length, table.outputs.length));
    }
    row.when.forEach((cell, c) => {
      const reason = cellProblem(cell);
      if (reason !== null) problems.push(staticProblems.badCell(`/rows/${r}/when/${c}`, r + 1, inputLabel(table.inputs[c], c), reason));
    });
    if (problems.length === before) usable.push(r);
  });
  return [...problems, ...coverageWarnings(table, usable)];
}
