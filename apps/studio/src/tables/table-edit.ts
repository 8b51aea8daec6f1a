import type { Literal } from '@trellis/conditions';
import { compileDecisionTable, evaluateReference, type DecisionTable, type DecisionTableCell, type DecisionTableRow, type JsonValue } from '@trellis/rules';

export type CellOp = '-' | Exclude<DecisionTableCell, '-'>['op'];

export const CELL_OPS: readonly CellOp[] = ['-', '==', '!=', '<', '<=', '>', '>=', 'between', 'in', 'not_in'];

export const cellOp = (cell: DecisionTableCell): CellOp => (cell === '-' ? '-' : cell.op);

/** A cell turned into another kind of condition, keeping the value it had where the new kind has one. */
export function changeOp(cell: DecisionTableCell, op: CellOp): DecisionTableCell {
  const previous: JsonValue = cell === '-' ? null
    : cell.op === 'between' ? cell.min ?? cell.max ?? null
      : 'values' in cell ? cell.values[0] ?? null : cell.value;
  switch (op) {
    case '-': return '-';
    // a blank bound is left out: the format reads a missing bound as unbounded
    case 'between': return { op, ...(previous === null ? {} : { min: previous }), minInclusive: true, maxInclusive: false };
    case 'in':
    case 'not_in': return { op, values: previous === null ? [] : [previous] };
    default: return { op, value: previous };
  }
}

/** A range cell's bound: a blank one is left out, which the format reads as unbounded. */
export function withBound(cell: Extract<DecisionTableCell, { op: 'between' }>, bound: 'min' | 'max', value: Literal): DecisionTableCell {
  const { [bound]: _, ...rest } = cell;
  return value === null ? rest : { ...rest, [bound]: value };
}

const replace = <T>(items: readonly T[], i: number, item: T): T[] => items.map((x, j) => (j === i ? item : x));

export function setCell(table: DecisionTable, row: number, col: number, cell: DecisionTableCell): DecisionTable {
  return { ...table, rows: table.rows.map((r, i) => (i === row ? { ...r, when: replace(r.when, col, cell) } : r)) };
}

export function setOutput(table: DecisionTable, row: number, col: number, value: JsonValue): DecisionTable {
  return { ...table, rows: table.rows.map((r, i) => (i === row ? { ...r, then: replace(r.then, col, value) } : r)) };
}

/** A row that matches anything and gives nothing yet, added last. */
export function addRow(table: DecisionTable): DecisionTable {
  const row: DecisionTableRow = { when: table.inputs.map(() => '-'), then: table.outputs.map(() => null) };
  return { ...table, rows: [...table.rows, row] };
}

export function removeRow(table: DecisionTable, row: number): DecisionTable {
  return { ...table, rows: table.rows.filter((_, i) => i !== row) };
}

/** Swaps a row with the one above it: with hit policy "first", order decides. */
export function moveUp(table: DecisionTable, row: number): DecisionTable {
  const rows = [...table.rows];
  const [above, current] = [rows[row - 1], rows[row]];
  if (above === undefined || current === undefined) return table;
  rows[row - 1] = current;
  rows[row] = above;
  return { ...table, rows };
}

/** The table with each input read straight from a value given by input id, so it can be tried without a record. */
function onInputValues(table: DecisionTable): DecisionTable {
  return { ...table, inputs: table.inputs.map((input) => ({ ...input, expr: { var: [input.id] } })) };
}

/**
 * What the table gives for the given input values, and which rows match them (by index). Throws as
 * rule evaluation does (a date cell compared with a number, say).
 */
export function tryTable(table: DecisionTable, inputs: Readonly<Record<string, JsonValue>>): { result: JsonValue; matches: number[] } {
  const direct = onInputValues(table);
  const result = evaluateReference(compileDecisionTable(direct), inputs);
  const matches = table.rows.flatMap((row, i) => {
    const hits = evaluateReference(compileDecisionTable({ ...direct, hitPolicy: 'collect', rows: [row] }), inputs);
    return Array.isArray(hits) && hits.length > 0 ? [i] : [];
  });
  return { result, matches };
}
