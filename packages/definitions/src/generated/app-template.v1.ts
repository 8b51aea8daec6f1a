/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/app-template/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { AppVersion, ContentHash, SampleData } from './app-template.js';
import type { DefinitionId, FieldPath, IsoDate, ObjectSchema } from './common.js';
import type { DecisionTableCell, DecisionTableValues } from './decision-table.js';
import type { FieldDefault, FieldPaths, FieldRules } from './entity.js';
import type { FlowNodePosition, FlowNodeSettings, FlowNodeType } from './flow.js';
import type { RuleExpression, RuleTest } from './rule.js';

/**
 * A user-visible text in one language.
 *
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "text".
 */
export type PlainText = string;

/**
 * The monolingual prototype of the app template (formatVersion 1): every label, description, title, help, placeholder and message is a plain string. Still accepted on import; the 1 → 2 migration turns each text into {"zh-CN": s, "en": s}. Parts without texts are shared with the current formats.
 */
export interface AppTemplateV1 {
  kind: 'app-template';
  formatVersion: 1;
  app: AppInfoV1;
  roles?: RoleDefinitionV1[];
  entities?: EntityDefinitionV1[];
  rules?: RuleDefinitionV1[];
  flows?: FlowDefinitionV1[];
  programs?: ProgramDefinitionV1[];
  sampleData?: SampleData;
  contentHash?: ContentHash;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "app".
 */
export interface AppInfoV1 {
  id: DefinitionId;
  label: PlainText;
  description?: PlainText;
  version: AppVersion;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "role".
 */
export interface RoleDefinitionV1 {
  id: DefinitionId;
  label: PlainText;
  description?: PlainText;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "entity".
 */
export interface EntityDefinitionV1 {
  kind: 'entity';
  formatVersion: 1;
  id: DefinitionId;
  label: PlainText;
  description?: PlainText;
  titleField?: FieldPath;
  schema: ObjectSchema;
  fields?: {
    [k: string]: FieldTextV1;
  };
  ui?: EntityUiV1;
  rules?: EntityRulesV1;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "fieldText".
 */
export interface FieldTextV1 {
  label?: PlainText;
  help?: PlainText;
  placeholder?: PlainText;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "entityUi".
 */
export interface EntityUiV1 {
  uiSchema?: {
    [k: string]: unknown;
  };
  sections?: FieldGroupV1[];
  pages?: FieldGroupV1[];
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "fieldGroup".
 */
export interface FieldGroupV1 {
  id: DefinitionId;
  title: PlainText;
  fields: FieldPaths;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "entityRules".
 */
export interface EntityRulesV1 {
  defaults?: {
    [k: string]: FieldDefault;
  };
  visibility?: FieldRules;
  requiredWhen?: FieldRules;
  computed?: FieldRules;
  validations?: CrossFieldValidationV1[];
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "validation".
 */
export interface CrossFieldValidationV1 {
  id: DefinitionId;
  path: FieldPath;
  rule: RuleExpression;
  message: PlainText;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "rule".
 */
export interface RuleDefinitionV1 {
  kind: 'rule';
  formatVersion: 1;
  id: DefinitionId;
  label: PlainText;
  description?: PlainText;
  entity?: DefinitionId;
  inputs?: ObjectSchema;
  logic?: RuleExpression;
  table?: DecisionTableV1;
  tests?: RuleTest[];
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "decisionTable".
 */
export interface DecisionTableV1 {
  hitPolicy: 'first' | 'collect';
  /**
   * @minItems 1
   */
  inputs: DecisionTableInputV1[];
  /**
   * @minItems 1
   */
  outputs: DecisionTableOutputV1[];
  rows: DecisionTableRowV1[];
  default?: DecisionTableValues;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "tableInput".
 */
export interface DecisionTableInputV1 {
  id: DefinitionId;
  label: PlainText;
  expr: RuleExpression;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "tableOutput".
 */
export interface DecisionTableOutputV1 {
  id: DefinitionId;
  label: PlainText;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "tableRow".
 */
export interface DecisionTableRowV1 {
  when: DecisionTableCell[];
  then: DecisionTableValues;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "flow".
 */
export interface FlowDefinitionV1 {
  kind: 'flow';
  formatVersion: 1;
  id: DefinitionId;
  label: PlainText;
  description?: PlainText;
  entity?: DefinitionId;
  /**
   * @minItems 1
   */
  nodes: FlowNodeV1[];
  edges: FlowEdgeV1[];
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "flowNode".
 */
export interface FlowNodeV1 {
  id: DefinitionId;
  type: FlowNodeType;
  label?: PlainText;
  settings?: FlowNodeSettings;
  position?: FlowNodePosition;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "flowEdge".
 */
export interface FlowEdgeV1 {
  id: DefinitionId;
  source: DefinitionId;
  target: DefinitionId;
  condition?: RuleExpression;
  isDefault?: boolean;
  label?: PlainText;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "program".
 */
export interface ProgramDefinitionV1 {
  kind: 'program';
  formatVersion: 1;
  id: DefinitionId;
  label: PlainText;
  description?: PlainText;
  subjectEntity: DefinitionId;
  period: 'month' | 'quarter' | 'year';
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  inputs: ObjectSchema;
  eligibility: RuleExpression;
  metrics: ProgramMetricV1[];
  formula: RuleExpression;
  caps?: {
    perPartner?: number;
    perProgram?: number;
  };
  proration: 'none' | 'days_active';
  rounding: {
    scale: number;
    mode: 'half_up' | 'half_even' | 'down' | 'up' | 'floor' | 'ceil';
  };
  currency: string;
}
/**
 * This interface was referenced by `AppTemplateV1`'s JSON-Schema
 * via the `definition` "metric".
 */
export interface ProgramMetricV1 {
  id: DefinitionId;
  label: PlainText;
  entity: DefinitionId;
  aggregate: 'sum' | 'avg' | 'min' | 'max' | 'count';
  field?: FieldPath;
  filter?: RuleExpression;
  window: 'current' | 'previous' | 'same_last_year' | 'year_to_date';
}
