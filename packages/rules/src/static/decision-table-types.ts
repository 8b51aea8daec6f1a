import type { LocalizedText } from '@trellis/errors';
import type { JsonValue, Rule } from '../types.js';

/*
 * The DecisionTable format of docs/formats.md, written by hand until the types are generated from the
 * published JSON Schemas; keep the two structurally identical.
 */

export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type DecisionTableCell =
  | '-'
  | { op: 'between'; min?: JsonValue; max?: JsonValue; minInclusive: boolean; maxInclusive: boolean }
  | { op: ComparisonOp; value: JsonValue }
  | { op: 'in' | 'not_in'; values: JsonValue[] };

export interface DecisionTableInput {
  id: string;
  label: LocalizedText;
  expr: Rule;
}

export interface DecisionTableOutput {
  id: string;
  label: LocalizedText;
}

export interface DecisionTableRow {
  when: DecisionTableCell[];
  then: JsonValue[];
  note?: LocalizedText;
}

export interface DecisionTable {
  /** "first": the first matching row's outputs; "collect": all matching rows' outputs, in order */
  hitPolicy: 'first' | 'collect';
  inputs: DecisionTableInput[];
  outputs: DecisionTableOutput[];
  rows: DecisionTableRow[];
  /** for "first" when no row matches (else null) */
  default?: JsonValue[];
}
