/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/rule/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId, JsonValue, ObjectSchema } from './common.js';
import type { DecisionTable } from './decision-table.js';
import type { LocalizedText } from './localized-text.js';

/**
 * A JSON Logic expression: any JSON value; an object with one key is an operation. Only the Trellis operator set (docs/rules.md) is allowed, which is checked by code when the rule is saved, not by this schema.
 *
 * This interface was referenced by `RuleDefinition`'s JSON-Schema
 * via the `definition` "expression".
 */
export type RuleExpression = JsonValue;

/**
 * A named rule (a JSON Logic expression) or decision table, with the regression tests kept next to it. formatVersion 1.
 */
export interface RuleDefinition {
  kind: 'rule';
  formatVersion: 1;
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  /**
   * The entity whose schema the rule's `var` paths are checked against.
   */
  entity?: DefinitionId;
  /**
   * Declared inputs (JSON Schema) when the rule is not attached to an entity.
   */
  inputs?: ObjectSchema;
  logic?: RuleExpression;
  table?: DecisionTable;
  tests?: RuleTest[];
}
/**
 * A regression case: evaluating the rule over `data` yields `expect`, or fails when `error` is true. Exactly one of `expect` / `error`.
 *
 * This interface was referenced by `RuleDefinition`'s JSON-Schema
 * via the `definition` "test".
 */
export interface RuleTest {
  name?: string;
  data: JsonValue;
  expect?: JsonValue;
  error?: true;
}
