/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/decision-table/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId, JsonValue } from './common.js';
import type { LocalizedText } from './localized-text.js';
import type { RuleExpression } from './rule.js';

/**
 * A condition on one input: "-" matches any value.
 *
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "cell".
 */
export type DecisionTableCell = '-' | DecisionTableCondition;
/**
 * A cell operation, chosen by `op` (so only the chosen operation's rules are reported).
 *
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "condition".
 */
export type DecisionTableCondition = DecisionTableBetween | DecisionTableComparison | DecisionTableMembership;
/**
 * A number, or a string such as an ISO date (compared as JSON Logic compares strings).
 *
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "bound".
 */
export type DecisionTableBound = number | string;
/**
 * One value per output, in output order.
 *
 * @minItems 1
 *
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "values".
 */
export type DecisionTableValues = JsonValue[];

/**
 * Rows of conditions over inputs mapped to outputs; compiles to plain JSON Logic. Hit policy "first" yields the first matching row's outputs (or `default`, else null); "collect" yields all matching rows' outputs in order. Each row has one cell per input and one value per output (checked by code).
 */
export interface DecisionTable {
  hitPolicy: 'first' | 'collect';
  /**
   * @minItems 1
   */
  inputs: DecisionTableInput[];
  /**
   * @minItems 1
   */
  outputs: DecisionTableOutput[];
  rows: DecisionTableRow[];
  default?: DecisionTableValues;
}
/**
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "input".
 */
export interface DecisionTableInput {
  id: DefinitionId;
  label: LocalizedText;
  expr: RuleExpression;
}
/**
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "output".
 */
export interface DecisionTableOutput {
  id: DefinitionId;
  label: LocalizedText;
}
/**
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "row".
 */
export interface DecisionTableRow {
  when: DecisionTableCell[];
  then: DecisionTableValues;
  note?: LocalizedText;
}
/**
 * The input lies between `min` and `max` (at least one given), each bound inclusive or not.
 *
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "between".
 */
export interface DecisionTableBetween {
  op: 'between';
  min?: DecisionTableBound;
  max?: DecisionTableBound;
  minInclusive: boolean;
  maxInclusive: boolean;
}
/**
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "compare".
 */
export interface DecisionTableComparison {
  op: '==' | '!=' | '<' | '<=' | '>' | '>=';
  value: JsonValue;
}
/**
 * This interface was referenced by `DecisionTable`'s JSON-Schema
 * via the `definition` "membership".
 */
export interface DecisionTableMembership {
  op: 'in' | 'not_in';
  values: JsonValue[];
}
