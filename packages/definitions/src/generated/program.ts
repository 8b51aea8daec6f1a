/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/program/v2.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId, FieldPath, IsoDate, ObjectSchema } from './common.js';
import type { DecisionTable } from './decision-table.js';
import type { LocalizedText } from './localized-text.js';
import type { RuleExpression } from './rule.js';

/**
 * The period kind; period ids are 2026-03 (month), 2026-Q1 (quarter), 2026-H1 (half), 2026 (year).
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "period".
 */
export type ProgramPeriod = 'month' | 'quarter' | 'half' | 'year';
/**
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "aggregate".
 */
export type MetricAggregate = 'sum' | 'avg' | 'min' | 'max' | 'count';
/**
 * Which days the records are taken from, relative to the period computed: the period itself, the one before, the same period a year earlier, the year up to the period's end, or everything before the period.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "window".
 */
export type MetricWindow = 'current' | 'previous' | 'same_last_year' | 'year_to_date' | 'all_prior';
/**
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "roundingMode".
 */
export type RoundingMode = 'half_up' | 'half_even' | 'down' | 'up' | 'floor' | 'ceil';

/**
 * An incentive program: which subjects take part (eligibility), the metrics aggregated per period from records, derived values (formulas and decision tables), the payout lines, caps, proration and rounding, and the dates the version is in force. Every rule of a program reads the same data: metric and derived values at the top level, the subject record as `$subject`, the period as `$period`, the run's context as `$context`. formatVersion 2; formatVersion 1 (program/v1.json: one formula over declared inputs) loads through a migration.
 */
export interface ProgramDefinition {
  kind: 'program';
  formatVersion: 2;
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  /**
   * The entity whose records are paid (one result per record).
   */
  subjectEntity: DefinitionId;
  /**
   * The subject's field that metric records refer to (each metric's `subjectField` holds this value).
   */
  subjectKey: FieldPath;
  period: ProgramPeriod;
  /**
   * First day this version is in force (inclusive).
   */
  effectiveFrom: IsoDate;
  /**
   * Last day this version is in force (inclusive); open-ended when absent.
   */
  effectiveTo?: IsoDate;
  /**
   * What a run supplies as `$context` (e.g. a list of excluded regions); rules may read only what is declared here.
   */
  context?: ObjectSchema;
  /**
   * Truthy when the subject takes part. Evaluated before any metric, over `$subject`, `$period` and `$context`.
   */
  eligibility: RuleExpression;
  metrics: ProgramMetric[];
  /**
   * Values computed in order from the metrics and the values before them: a formula or a decision table.
   */
  derived?: ProgramDerived[];
  /**
   * What the program pays; the subject's total is the sum of its lines.
   *
   * @minItems 1
   */
  lines: ProgramLine[];
  caps?: ProgramCaps;
  proration?: ProgramProration;
  rounding: ProgramRounding;
  /**
   * ISO 4217 currency code.
   */
  currency: string;
  /**
   * The flow (of the same app, without an entity) a run's results go through before they are final: submitting a run starts it; it ending with the outcome `approved` makes the run final, any other end sends the run back to computed. Every program of a run must name the same flow; without one a run cannot be submitted.
   */
  approvalFlow?: DefinitionId;
}
/**
 * An aggregate of one entity's records of the subject over a window relative to the period. `field` is required unless `aggregate` is "count". With `items`, the aggregate runs over the items of that array field of each record, and `field`, `filter` and `groupBy` read the item.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "metric".
 */
export interface ProgramMetric {
  id: DefinitionId;
  label: LocalizedText;
  entity: DefinitionId;
  /**
   * The record's field holding the subject's `subjectKey`.
   */
  subjectField: FieldPath;
  time: MetricTime;
  items?: FieldPath;
  aggregate: MetricAggregate;
  field?: FieldPath;
  filter?: RuleExpression;
  groupBy?: FieldPath;
  window: MetricWindow;
}
/**
 * Where a record lies in time: a date field, or a field holding a period id (such as 2026-Q1). A record counts in a window when its day or its whole period lies inside the window.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "metricTime".
 */
export interface MetricTime {
  field: FieldPath;
  kind: 'date' | 'period';
}
/**
 * A value computed from the metrics: a formula (`logic`) or a decision table (`table`), exactly one.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "derived".
 */
export interface ProgramDerived {
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  logic?: RuleExpression;
  table?: DecisionTable;
}
/**
 * One payout line: either `amount` (a rule giving the amount), or `base` (a metric or derived value, taken exactly) times `rate` (a rule). Amounts are decimal-exact and never negative.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "line".
 */
export interface ProgramLine {
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  amount?: RuleExpression;
  base?: DefinitionId;
  rate?: RuleExpression;
}
/**
 * Upper bounds of the payout, in `currency`. Over a cap, the lines are scaled down proportionally and apportioned so they add up to the cap exactly.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "caps".
 */
export interface ProgramCaps {
  /**
   * The most one subject is paid per period.
   */
  perSubject?: number;
  /**
   * The most all subjects together are paid per period.
   */
  perProgram?: number;
}
/**
 * Pays subjects active for part of the period by days active ÷ days in the period. `from` and `to` name the subject's dates (first and last active day, inclusive); a missing date leaves that side open.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "proration".
 */
export interface ProgramProration {
  from: FieldPath;
  to?: FieldPath;
}
/**
 * Each line is rounded to `scale` decimal places with `mode`.
 *
 * This interface was referenced by `ProgramDefinition`'s JSON-Schema
 * via the `definition` "rounding".
 */
export interface ProgramRounding {
  scale: number;
  mode: RoundingMode;
}
