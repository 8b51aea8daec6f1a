/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/program/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId, FieldPath, IsoDate, ObjectSchema } from './common.js';
import type { LocalizedText } from './localized-text.js';
import type { RuleExpression } from './rule.js';

/**
 * This interface was referenced by `ProgramV1`'s JSON-Schema
 * via the `definition` "period".
 */
export type ProgramV1Period = 'month' | 'quarter' | 'year';
/**
 * This interface was referenced by `ProgramV1`'s JSON-Schema
 * via the `definition` "aggregate".
 */
export type ProgramV1Aggregate = 'sum' | 'avg' | 'min' | 'max' | 'count';
/**
 * Which period the records are taken from, relative to the one being computed.
 *
 * This interface was referenced by `ProgramV1`'s JSON-Schema
 * via the `definition` "window".
 */
export type ProgramV1Window = 'current' | 'previous' | 'same_last_year' | 'year_to_date';
/**
 * This interface was referenced by `ProgramV1`'s JSON-Schema
 * via the `definition` "proration".
 */
export type ProgramV1Proration = 'none' | 'days_active';
/**
 * This interface was referenced by `ProgramV1`'s JSON-Schema
 * via the `definition` "roundingMode".
 */
export type ProgramV1RoundingMode = 'half_up' | 'half_even' | 'down' | 'up' | 'floor' | 'ceil';

/**
 * The first incentive program format (formatVersion 1): one payout `formula` over declared `inputs` (metrics and subject fields), caps per partner and per program, proration as a flag. Still accepted on import and save; the 1 → 2 migration turns it into the current format (program/v2.json).
 */
export interface ProgramV1 {
  kind: 'program';
  formatVersion: 1;
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  subjectEntity: DefinitionId;
  period: ProgramV1Period;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  /**
   * Declared inputs the formula may read (metrics and subject fields).
   */
  inputs: ObjectSchema;
  eligibility: RuleExpression;
  metrics: ProgramV1Metric[];
  formula: RuleExpression;
  caps?: ProgramV1Caps;
  proration: ProgramV1Proration;
  rounding: ProgramV1Rounding;
  /**
   * ISO 4217 currency code.
   */
  currency: string;
}
/**
 * An aggregate of one entity's records over a window relative to the period. `field` is required unless `aggregate` is "count".
 *
 * This interface was referenced by `ProgramV1`'s JSON-Schema
 * via the `definition` "metric".
 */
export interface ProgramV1Metric {
  id: DefinitionId;
  label: LocalizedText;
  entity: DefinitionId;
  aggregate: ProgramV1Aggregate;
  field?: FieldPath;
  filter?: RuleExpression;
  window: ProgramV1Window;
}
/**
 * Upper bounds of the payout, in `currency`.
 *
 * This interface was referenced by `ProgramV1`'s JSON-Schema
 * via the `definition` "caps".
 */
export interface ProgramV1Caps {
  perPartner?: number;
  perProgram?: number;
}
/**
 * Payouts are rounded to `scale` decimal places with `mode`.
 *
 * This interface was referenced by `ProgramV1`'s JSON-Schema
 * via the `definition` "rounding".
 */
export interface ProgramV1Rounding {
  scale: number;
  mode: ProgramV1RoundingMode;
}
