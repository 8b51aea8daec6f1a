/**
 * The form runtime: one definition in, a pure function from (submission, context) to a cleaned
 * record or every problem found. No I/O, no clock (`now` comes in the context); the same code runs
 * in the browser and on the server. Implementations are injected (`FormDeps`); `defaults.ts` wires
 * the standard ones, so this file imports none.
 *
 * process(submission, context), in order:
 *   1. refuse a submission that is not a plain object (FORM_NOT_AN_OBJECT);
 *   2. copy it once (clone-submission.ts), refusing `__proto__`/`constructor`/`prototype` keys at
 *      any depth (FORM_FORBIDDEN_KEY), top-level `$` keys (FORM_RESERVED_KEY) and non-JSON values
 *      (FORM_NOT_JSON); keys the schema does not know are kept for the schema's
 *      `additionalProperties` to judge. Rules read a shallow copy of it with the context keys
 *      `$now`, `$today`, `$user` added (rule-scope.ts);
 *   3. defaults for absent fields: JSON Schema `default`s first (inside an existing parent object),
 *      then the definition's `rules.defaults` in definition order (`{"value"}` or `{"rule"}` over the
 *      data so far); on an update (`context.previous`) an absent field keeps its previous value
 *      instead of taking the default;
 *   4. computed fields and visibility rules, in dependency order (step-order.ts): a computed value
 *      always replaces the submitted one (a `null` result leaves the field absent), a hidden
 *      field's value is dropped, and a computed field under a hidden field is not written;
 *   5. required fields the schema cannot judge alone: `rules.requiredWhen` (when truthy) and
 *      schema-required fields that have a visibility rule; a hidden field is never required; an
 *      absent, null, empty-string or empty-array value fails (FORM_REQUIRED, with the field label);
 *   6. the compiled JSON Schema, from which those fields' `required` entries were lifted; problems
 *      under a hidden field are ignored;
 *   7. cross-field validations (`rules.validations`) whose field is visible: falsy → FORM_VALIDATION
 *      with the definition's message at its path.
 * A rule that throws anywhere gives FORM_RULE_FAILED at its field. All problems are returned at once.
 *
 * Drafts (`drafts.when` in the definition): a submission that passes is stored whatever its state.
 * One that fails is run again through the draft plan (compile-plan.ts: steps 5 and 7 and the
 * schema's `required` left out); when the draft rule holds over that run's record (so defaults
 * and computed fields count, e.g. a `status` that defaults to "draft"), its outcome is the answer
 * (a draft with a malformed value still fails); otherwise the full problems are. A draft rule that
 * throws means "not a draft". Only failing submissions of such definitions pay for the second run.
 *
 * Steps 2 and 3–7 run as code generated for the definition (generate-copy.ts, generate-process.ts),
 * which does exactly what the methods below do; the methods run where code cannot be generated,
 * and for evaluateUi, which is not a hot path.
 */
import type { Problem } from '@trellis/errors';
import type { EntityDefinition } from '@trellis/definitions';
import type { JsonValue } from '@trellis/rules';
import { cloneJson, cloneSubmission, isPlainObject } from './clone-submission.js';
import { compilePlan, type Evaluate, type FormPlan } from './compile-plan.js';
import { generateCopy } from './generate-copy.js';
import { generateProcess, type ProcessRecord } from './generate-process.js';
import { deleteField, fieldsOf, getAt, hasParent, setField, type JsonObject, type Working } from './field-path.js';
import { formProblems } from './problems.js';
import { checkContext, isEmptyValue, ruleScope, truthy } from './rule-scope.js';
import { addVisibleProblems, ruleFailure } from './step-problems.js';
import type { FormContext, FormDeps, FormRuntime, ProcessResult, UiState } from './types.js';

/** Problems are collected here during a call; `null` when the caller (evaluateUi) does not want them. */
type Sink = Problem[] | null;

/** Runs a compiled rule; a throw becomes FORM_RULE_FAILED at the field (or nothing, for the UI). */
function run(evaluate: Evaluate, scope: JsonObject, path: string, location: string, sink: Sink): JsonValue | undefined {
  try {
    return evaluate(scope);
  } catch (error) {
    sink?.push(ruleFailure(path, location, error));
    return undefined;
  }
}

function outcome(record: JsonObject, problems: Problem[]): ProcessResult {
  return problems.length === 0 ? { ok: true, record } : { ok: false, errors: problems };
}

function isDraft(when: Evaluate, record: JsonObject, context: FormContext): boolean {
  try {
    return truthy(when(ruleScope(record, context, null)));
  } catch {
    return false;
  }
}

function anyHidden(covering: readonly number[], hidden: Uint8Array): boolean {
  for (let i = 0; i < covering.length; i++) if (hidden[covering[i] as number] === 1) return true;
  return false;
}

/** The draft side of a definition with `drafts`: its rule and the runtime of its draft plan. */
interface DraftMode {
  readonly when: Evaluate;
  readonly runtime: Runtime;
}

class Runtime implements FormRuntime {
  /**
   * Which visibility rules hid their field in the current call. Reused across calls (a call is
   * synchronous and rules cannot call back into the runtime), which spares an allocation per call.
   */
  private readonly hidden: Uint8Array;
  /** step 2 as code generated for the record schema (generate-copy.ts) */
  private readonly copy: (submission: JsonObject, problems: Problem[]) => JsonObject;
  /** steps 3–7 as code generated for this plan (generate-process.ts); null: interpret the plan */
  private readonly generated: ProcessRecord | null;

  constructor(private readonly plan: FormPlan, schema: unknown, generate: boolean, private readonly draft: DraftMode | null = null) {
    this.hidden = new Uint8Array(plan.visibilityPaths.length);
    this.copy = (generate ? generateCopy(schema) : null) ?? cloneSubmission;
    this.generated = generate ? generateProcess(plan) : null;
  }

  process(submission: unknown, context: FormContext): ProcessResult {
    checkContext(context);
    if (!isPlainObject(submission)) return { ok: false, errors: [formProblems.notAnObject()] };
    // the problems array is passed in rather than returned with the record: one object less per call
    const problems: Problem[] = [];
    const record = this.run(submission, context, problems);
    const { draft } = this;
    if (problems.length === 0 || draft === null) return outcome(record, problems);
    const draftProblems: Problem[] = [];
    const asDraft = draft.runtime.run(submission, context, draftProblems);
    return isDraft(draft.when, asDraft, context) ? outcome(asDraft, draftProblems) : outcome(record, problems);
  }

  private run(submission: JsonObject, context: FormContext, problems: Problem[]): JsonObject {
    const record = this.copy(submission, problems);
    if (this.generated === null) this.interpret(record, context, problems);
    else this.generated(record, context, problems);
    return record;
  }

  /** Steps 3–7 by walking the plan: what the generated code does, where it cannot be generated. */
  private interpret(record: JsonObject, context: FormContext, problems: Problem[]): void {
    const working = this.working(record, context);
    const hidden = this.prepare(working, context, problems);
    this.checkRequired(working, hidden, problems);
    this.checkSchema(record, hidden, problems);
    this.checkValidations(working.scope, hidden, problems);
  }

  evaluateUi(values: unknown, context: FormContext): UiState {
    checkContext(context);
    const record = isPlainObject(values) ? cloneSubmission(values, []) : {};
    const working = this.working(record, context);
    const hidden = this.prepare(working, context, null);
    const { scope } = working;
    const fields = fieldsOf(working);
    const { plan } = this;
    const computed: Record<string, JsonValue> = {};
    for (const step of plan.steps) {
      const value = step.kind === 'computed' ? getAt(fields, step.path) : undefined;
      if (value !== undefined) computed[step.path.path] = value as JsonValue;
    }
    const required = plan.schemaRequired.filter((r) => !anyHidden(r.covering, hidden)).map((r) => r.path);
    for (const check of plan.required) {
      if (this.isRequired(check, scope, hidden, null)) required.push(check.path.path);
    }
    return { hidden: plan.visibilityPaths.filter((_, i) => hidden[i] === 1), required, computed };
  }

  private working(record: JsonObject, context: FormContext): Working {
    const { plan } = this;
    return { record, scope: ruleScope(record, context, plan.scopeFields), mirrored: plan.mirrored };
  }

  /** Steps 3 and 4: defaults, then computed fields and visibility. Returns the hidden flags. */
  private prepare(working: Working, context: FormContext, sink: Sink): Uint8Array {
    const { plan } = this;
    const { record, scope } = working;
    const previous = context.previous;
    for (const step of plan.defaults) {
      if (getAt(record, step.path) !== undefined || (step.needsParent && !hasParent(record, step.path))) continue;
      const kept = previous === undefined ? undefined : getAt(previous, step.path);
      const value =
        kept !== undefined
          ? cloneJson(kept)
          : step.evaluate === undefined
            ? cloneJson(step.value)
            : run(step.evaluate, scope, step.path.path, step.location, sink);
      if (value !== undefined && value !== null) setField(working, step.path, value);
    }

    const hidden = this.hidden.fill(0);
    for (const step of plan.steps) {
      if (anyHidden(step.covering, hidden)) continue;
      const result = run(step.evaluate, scope, step.path.path, step.location, sink);
      if (step.kind === 'computed') {
        if (result === undefined || result === null) deleteField(working, step.path);
        else setField(working, step.path, result);
      } else if (result !== undefined && !truthy(result)) {
        hidden[step.flag] = 1;
        deleteField(working, step.path);
      }
    }
    return hidden;
  }

  private isRequired(check: FormPlan['required'][number], scope: JsonObject, hidden: Uint8Array, sink: Sink): boolean {
    if (anyHidden(check.covering, hidden)) return false;
    if (check.evaluate === undefined) return true;
    return truthy(run(check.evaluate, scope, check.path.path, check.location, sink));
  }

  private checkRequired(working: Working, hidden: Uint8Array, problems: Problem[]): void {
    const { scope } = working;
    const fields = fieldsOf(working);
    for (const check of this.plan.required) {
      if (this.isRequired(check, scope, hidden, problems) && isEmptyValue(getAt(fields, check.path))) {
        problems.push(formProblems.required(check.path.path, check.label));
      }
    }
  }

  private checkSchema(record: JsonObject, hidden: Uint8Array, problems: Problem[]): void {
    const found = this.plan.validate(record);
    if (found.length === 0) return;
    addVisibleProblems(found, this.plan.visibilityPaths.filter((_, i) => hidden[i] === 1), problems);
  }

  private checkValidations(scope: JsonObject, hidden: Uint8Array, problems: Problem[]): void {
    for (const v of this.plan.validations) {
      if (anyHidden(v.covering, hidden)) continue;
      const result = run(v.evaluate, scope, v.path, v.location, problems);
      if (result !== undefined && !truthy(result)) problems.push(formProblems.validation(v.path, v.id, v.message));
    }
  }
}

export interface BuildOptions {
  /**
   * false: always interpret the plan, never generate code (for tests comparing the two, or for
   * hosts that forbid `new Function`; where it is refused the runtime interprets anyway).
   */
  readonly generateCode?: boolean;
}

/**
 * Compiles a definition (rules, schema, evaluation order) into a runtime with the given
 * implementations. Throws a TrellisError when the definition cannot run: a rule that does not
 * compile, a cycle, a schema that does not compile. `checkFormDefinition` reports all of these
 * (and more) at save time.
 */
export function buildFormRuntime(definition: EntityDefinition, deps: FormDeps, options: BuildOptions = {}): FormRuntime {
  const generate = options.generateCode !== false;
  const plan = compilePlan(definition, deps);
  const draft =
    plan.draftWhen === undefined
      ? null
      : { when: plan.draftWhen, runtime: new Runtime(compilePlan(definition, deps, 'draft'), definition.schema, generate) };
  return new Runtime(plan, definition.schema, generate, draft);
}
