import type { LocalizedText, Problem } from '@trellis/errors';
import type { JsonValue, Rule } from '@trellis/rules';

/**
 * What the form runtime needs from a JSON Schema implementation (rjsf-style injection: the core
 * knows no implementation; `defaults.ts` wires in @trellis/schema-validator).
 */
export interface SchemaValidator {
  /** `people.labels`: the field labels its messages name fields by (people fill in forms, not paths) */
  compile(schema: object, people?: { readonly labels: (path: string) => LocalizedText | undefined }): (data: unknown) => readonly Problem[];
}

/**
 * What the form runtime needs from a rule engine (defaults.ts wires in @trellis/rules compileRule).
 * A compiled rule is a pure function of its data: the runtime may reuse a result while the data
 * the rule reads is unchanged (generate-process.ts).
 */
export interface RuleEngine {
  compile(rule: Rule): (data: unknown) => JsonValue;
}

export interface FormDeps {
  readonly validator: SchemaValidator;
  readonly rules: RuleEngine;
}

export interface FormUser {
  readonly id: string;
  readonly roles: readonly string[];
  readonly partnerOrg?: string | null;
}

/** Everything outside the submission that rules may read. Engines have no clock: `now` is given. */
export interface FormContext {
  /** ISO 8601 date-time of the submission */
  readonly now: string;
  /**
   * `$today`, YYYY-MM-DD: the submission's calendar date where the business is (the server says,
   * from its calendar's zone); absent: the date part of `now` as written
   */
  readonly today?: string;
  readonly user?: FormUser;
  /** the stored record, when the submission updates it */
  readonly previous?: Readonly<Record<string, unknown>>;
}

export type FormRecord = Record<string, unknown>;

export type ProcessResult =
  | { readonly ok: true; readonly record: FormRecord }
  | { readonly ok: false; readonly errors: readonly Problem[] };

/** The live state of a form for the browser: what to hide, what to mark required, computed values. */
export interface UiState {
  readonly hidden: string[];
  readonly required: string[];
  readonly computed: Record<string, JsonValue>;
}

export interface FormRuntime {
  process(submission: unknown, context: FormContext): ProcessResult;
  evaluateUi(values: unknown, context: FormContext): UiState;
}
