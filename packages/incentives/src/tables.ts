import type { DecisionTable } from '@trellis/definitions';
import { compileDecisionTable, type DecisionTable as RulesTable, type JsonValue, type Rule } from '@trellis/rules';
import { ruleFn, type EvaluatorKind, type RuleFn } from './evaluator.js';

/** What a table gave and why: its inputs' values, the matched row(s) (0-based), and its value. */
export interface TableExplanation {
  readonly inputs: Readonly<Record<string, JsonValue>>;
  /** "first": the matched row, or null when none matched (the default applied); "collect": every matched row */
  readonly rows: readonly number[] | number | null;
  readonly notes: readonly (DecisionTable['rows'][number]['note'] | null)[];
  readonly value: JsonValue;
}

export interface PreparedTable {
  evaluate(data: unknown): TableExplanation;
}

/**
 * The table with each row's outputs replaced by its own index, compiled by the rules package: it
 * yields which row matched ("first", -1 when none) or which rows did ("collect"), with exactly the
 * semantics of the compiled table. The value is then that row's outputs.
 */
function rowIndexRule(table: DecisionTable): Rule {
  const indexed: RulesTable = {
    ...(table as RulesTable),
    outputs: [{ id: 'row', label: { en: 'row', 'zh-CN': '行' } }],
    rows: table.rows.map((row, i) => ({ ...(row as RulesTable['rows'][number]), then: [i] })),
    default: [-1],
  };
  return compileDecisionTable(indexed);
}

/** One hit's value, as compiled tables give it: the single output's value, or {outputId: value}. */
function hitValue(table: DecisionTable, values: readonly JsonValue[] | undefined): JsonValue {
  if (values === undefined) return null;
  if (table.outputs.length === 1) return values[0] ?? null;
  return Object.fromEntries(table.outputs.map((output, i) => [output.id, values[i] ?? null]));
}

export function prepareTable(table: DecisionTable, evaluator: EvaluatorKind): PreparedTable {
  const rowsOf = ruleFn(rowIndexRule(table), evaluator);
  const inputs: [string, RuleFn][] = table.inputs.map((input) => [input.id, ruleFn(input.expr as Rule, evaluator)]);
  const noteOf = (i: number) => table.rows[i]?.note ?? null;
  return {
    evaluate(data) {
      const hit = rowsOf(data);
      const inputValues = Object.fromEntries(inputs.map(([id, fn]) => [id, fn(data)]));
      if (table.hitPolicy === 'collect') {
        const rows = (hit as number[]).map(Number);
        const value = rows.map((i) => hitValue(table, table.rows[i]?.then as JsonValue[]));
        return { inputs: inputValues, rows, notes: rows.map(noteOf), value };
      }
      const row = hit as number;
      if (row < 0) return { inputs: inputValues, rows: null, notes: [], value: hitValue(table, table.default as JsonValue[] | undefined) };
      return { inputs: inputValues, rows: row, notes: [noteOf(row)], value: hitValue(table, table.rows[row]?.then as JsonValue[]) };
    },
  };
}
