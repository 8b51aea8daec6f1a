/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/program/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId, FieldPath, IsoDate, ObjectSchema } from './common.js';
import type { LocalizedText } from './localized-text.js';
import type { RuleExpression } from './rule.js';

/**
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "period".
 */
export type ProgramPeriod = 'month' | 'quarter' | 'year';
/**
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "aggregate".
 */
export type MetricAggregate = 'sum' | 'avg' | 'min' | 'max' | 'count';
/**
 * Which period the records are taken from, relative to the one being computed.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "window".
 */
export type MetricWindow = 'current' | 'previous' | 'same_last_year' | 'year_to_date';
/**
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "proration".
 */
export type ProgramProration = 'none' | 'days_active';
/**
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "roundingMode".
 */
export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up' | 'floor' | 'ceil';

/**
 * An incentive program: who is eligible, the metrics aggregated per period, the payout formula, caps, proration and rounding. formatVersion 1.
 */
export interface ProgramDefinition {
  kind: 'program';
  formatVersion: 1;
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  subjectEntity: DefinitionId;
  period: ProgramPeriod;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  /**
   * Declared inputs the formula may read (metrics and subject fields).
   */
  inputs: ObjectSchema;
  eligibility: RuleExpression;
  metrics: ProgramMetric[];
  formula: RuleExpression;
  caps?: ProgramCaps;
  proration: ProgramProration;
  rounding: ProgramRounding;
  /**
   * ISO 4217 currency code.
   */
  currency: string;
}
/**
 * An aggregate of one entity's records over a window relative to the period. `field` is required unless `aggregate` is "count".
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "metric".
 */
export interface ProgramMetric {
  id: DefinitionId;
  label: LocalizedText;
  entity: DefinitionId;
  aggregate: MetricAggregate;
  field?: FieldPath;
  filter?: RuleExpression;
  window: MetricWindow;
}
/**
 * Upper bounds of the payout, in `currency`.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "caps".
 */
export interface ProgramCaps {
  perPartner?: number;
  perProgram?: number;
}
/**
 * Payouts are rounded to `scale` decimal places with `mode`.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "rounding".
 */
export interface ProgramRounding {
  scale: number;
  mode: RoundingMode;
}
