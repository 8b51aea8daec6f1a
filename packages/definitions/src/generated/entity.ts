/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/entity/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */
import type { DefinitionId, FieldPath, JsonValue, ObjectSchema } from './common.js';
import type { LocalizedText } from './localized-text.js';
import type { RuleExpression } from './rule.js';

/**
 * This interface was referenced by `EntityDefinition`'s JSON-Schema
 * via the `definition` "fieldPaths".
 */
export type FieldPaths = FieldPath[];

/**
 * A record type and its form: the record's JSON Schema, labels and help in zh-CN and en, the UI layout, and the rules attached to it. formatVersion 1.
 */
export interface EntityDefinition {
  kind: 'entity';
  formatVersion: 1;
  id: DefinitionId;
  label: LocalizedText;
  description?: LocalizedText;
  /**
   * The field shown as the record's title.
   */
  titleField?: FieldPath;
  /**
   * The record's JSON Schema (draft 2020-12), local `$ref` only.
   */
  schema: ObjectSchema;
  /**
   * Label, help and placeholder per field path.
   */
  fields?: {
    [k: string]: FieldText;
  };
  ui?: EntityUi;
  rules?: EntityRules;
  drafts?: EntityDrafts;
}
/**
 * This interface was referenced by `EntityDefinition`'s JSON-Schema
 * via the `definition` "fieldText".
 */
export interface FieldText {
  label?: LocalizedText;
  help?: LocalizedText;
  placeholder?: LocalizedText;
}
/**
 * This interface was referenced by `EntityDefinition`'s JSON-Schema
 * via the `definition` "ui".
 */
export interface EntityUi {
  /**
   * An rjsf uiSchema (ui:order, ui:widget, …).
   */
  uiSchema?: {
    [k: string]: unknown;
  };
  sections?: FieldGroup[];
  /**
   * Wizard pages, in order.
   */
  pages?: FieldGroup[];
}
/**
 * A titled group of fields: a section or a wizard page.
 *
 * This interface was referenced by `EntityDefinition`'s JSON-Schema
 * via the `definition` "fieldGroup".
 */
export interface FieldGroup {
  id: DefinitionId;
  title: LocalizedText;
  fields: FieldPaths;
}
/**
 * This interface was referenced by `EntityDefinition`'s JSON-Schema
 * via the `definition` "rules".
 */
export interface EntityRules {
  /**
   * Default value per field: a constant `value` or a `rule` evaluated when the record is created.
   */
  defaults?: {
    [k: string]: FieldDefault;
  };
  visibility?: FieldRules;
  requiredWhen?: FieldRules;
  computed?: FieldRules;
  validations?: CrossFieldValidation[];
}
/**
 * Exactly one of `value` / `rule`.
 *
 * This interface was referenced by `EntityDefinition`'s JSON-Schema
 * via the `definition` "default".
 */
export interface FieldDefault {
  value?: JsonValue;
  rule?: RuleExpression;
}
/**
 * This interface was referenced by `EntityDefinition`'s JSON-Schema
 * via the `definition` "fieldRules".
 */
export interface FieldRules {
  [k: string]: RuleExpression;
}
/**
 * The rule must be truthy, else the message is reported at `path`.
 *
 * This interface was referenced by `EntityDefinition`'s JSON-Schema
 * via the `definition` "validation".
 */
export interface CrossFieldValidation {
  id: DefinitionId;
  path: FieldPath;
  rule: RuleExpression;
  message: LocalizedText;
}
/**
 * While `when` is truthy over the record (after defaults and computed fields), the record is a draft: it is stored with structural checks only (the type, format and length of each value given); required fields, `rules.requiredWhen` and `rules.validations` apply once it is no longer a draft.
 *
 * This interface was referenced by `EntityDefinition`'s JSON-Schema
 * via the `definition` "drafts".
 */
export interface EntityDrafts {
  when: RuleExpression;
}
