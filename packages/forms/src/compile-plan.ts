/**
 * Turns a definition into a plan, once per runtime: every rule compiled, every path split, the
 * order of computed fields and visibility rules fixed, the schema compiled with conditional
 * fields' `required` lifted. Processing a submission then only walks arrays.
 *
 * A definition with `drafts` gets a second plan, for drafts: the same defaults, computed fields and
 * visibility, but no required fields (the schema's `required` lifted along its `properties`
 * chains, where record fields live), no `requiredWhen` and no cross-field validations. What is
 * left judges the values given: types, formats, lengths, and the shape of nested values (an
 * attachment, a list item).
 */
import { TrellisError, isTrellisError, type LocalizedText, type Problem } from '@trellis/errors';
import type { JsonValue, Rule } from '@trellis/rules';
import { readDefinition, type FieldRule, type FormModel } from './definition-model.js';
import { compileSchema } from './compile-schema.js';
import { compilePath, isWithin, type FieldPath } from './field-path.js';
import { formProblems } from './problems.js';
import { topLevelReads } from './rule-reads.js';
import { schemaDefaults, staticallyRequired, withoutRequired } from './schema-fields.js';
import { orderFieldSteps, type StepNode } from './step-order.js';
import type { EntityDefinition } from '@trellis/definitions';
import type { FormDeps } from './types.js';

export type Evaluate = (data: unknown) => JsonValue;

export interface DefaultStep {
  readonly path: FieldPath;
  readonly location: string;
  /** a fixed value, or the rule that computes it */
  readonly value: JsonValue | undefined;
  readonly evaluate: Evaluate | undefined;
  /** JSON Schema defaults apply inside an existing parent object only, as in ajv's useDefaults */
  readonly needsParent: boolean;
}

export interface FieldStep {
  readonly kind: 'computed' | 'visibility';
  readonly path: FieldPath;
  readonly evaluate: Evaluate;
  readonly location: string;
  /** for visibility: its index in the per-call hidden flags */
  readonly flag: number;
  /** indices of the visibility rules at or above this field */
  readonly covering: readonly number[];
}

export interface RequiredCheck {
  readonly path: FieldPath;
  readonly label: LocalizedText | undefined;
  /** undefined: required whenever visible (the schema lists it, but it has a visibility rule) */
  readonly evaluate: Evaluate | undefined;
  readonly location: string;
  readonly covering: readonly number[];
}

export interface ValidationStep {
  readonly id: string;
  readonly path: string;
  readonly message: LocalizedText;
  readonly evaluate: Evaluate;
  readonly location: string;
  readonly covering: readonly number[];
}

export interface FormPlan {
  readonly defaults: readonly DefaultStep[];
  readonly steps: readonly FieldStep[];
  /** field paths of the visibility rules, by flag index */
  readonly visibilityPaths: readonly string[];
  readonly required: readonly RequiredCheck[];
  /** schema-required fields the runtime does not check itself, for the UI's required list */
  readonly schemaRequired: readonly { readonly path: string; readonly covering: readonly number[] }[];
  readonly validations: readonly ValidationStep[];
  readonly validate: (record: unknown) => readonly Problem[];
  /** the top-level keys each compiled rule reads (rule-reads.ts); null: any */
  readonly ruleReads: ReadonlyMap<Evaluate, ReadonlySet<string> | null>;
  /** the top-level fields the rule scope copies (rule-reads.ts); null: all of them */
  readonly scopeFields: readonly string[] | null;
  readonly mirrored: ReadonlySet<string> | null;
  /** the definition's draft rule (`drafts.when`), in the full plan only */
  readonly draftWhen: Evaluate | undefined;
}

/** 'draft': the plan for records while the definition's draft rule holds (see above). */
export type PlanMode = 'full' | 'draft';

const isContextKey = (path: string): boolean => path.startsWith('$');

/**
 * The record fields rules can read (rule-reads.ts), which the rule scope copies. Null when that is
 * not known or when a field path the runtime writes or checks starts with `$` (it would meet the
 * context keys in the scope): the scope then gets every field.
 */
function scopeReads(model: FormModel, fieldPaths: readonly string[]): { fields: ReadonlySet<string> } | null {
  if (fieldPaths.some(isContextKey)) return null;
  const rules: Rule[] = [
    ...model.computed.map((r) => r.rule),
    ...model.visibility.map((r) => r.rule),
    ...model.requiredWhen.map((r) => r.rule),
    ...model.validations.map((r) => r.rule),
    ...model.defaults.flatMap((d) => (d.rule === undefined ? [] : [d.rule])),
  ];
  const reads = topLevelReads(rules);
  if (reads === null) return null;
  return { fields: new Set([...reads].filter((key) => !isContextKey(key))) };
}

/** Joins a rule's location in the definition with a position inside the rule (`…/if/0`). */
export function atRule(location: string, rulePath: string): string {
  if (rulePath === '') return location;
  return rulePath.startsWith('/') ? `${location}${rulePath}` : `${location}/${rulePath}`;
}

/** Compiles rules, collecting the problems of those that do not compile (with their place in the definition). */
class RuleCompiler {
  readonly problems: Problem[] = [];
  readonly reads = new Map<Evaluate, ReadonlySet<string> | null>();
  constructor(private readonly deps: FormDeps) {}

  compile(rule: Rule, location: string): Evaluate {
    try {
      const evaluate = this.deps.rules.compile(rule);
      this.noteReads(evaluate, rule);
      return evaluate;
    } catch (error) {
      if (!isTrellisError(error)) throw error;
      for (const p of error.problems) this.problems.push({ ...p, path: atRule(location, p.path) });
      return () => null;
    }
  }

  /** What a function reads: the union over the rules it was compiled from (engines may share one). */
  private noteReads(evaluate: Evaluate, rule: Rule): void {
    const before = this.reads.get(evaluate);
    if (before === null) return;
    const reads = topLevelReads([rule]);
    this.reads.set(evaluate, reads === null ? null : before === undefined ? reads : new Set([...before, ...reads]));
  }
}

export function compilePlan(definition: EntityDefinition, deps: FormDeps, mode: PlanMode = 'full'): FormPlan {
  const model = readDefinition(definition);
  const draft = mode === 'draft';
  const rules = new RuleCompiler(deps);
  const visibilityPaths = model.visibility.map((v) => v.path);
  const covering = (path: string): number[] =>
    visibilityPaths.flatMap((visible, i) => (isWithin(path, visible) ? [i] : []));

  const ordered = orderFieldSteps(model);
  if (!ordered.ok) throw new TrellisError([ordered.problem]);
  const steps: FieldStep[] = ordered.order.map((i) => {
    const node = ordered.nodes[i] as FieldRule;
    const kind = ordered.kinds[i] as StepNode['kind'];
    return {
      kind,
      path: compilePath(node.path),
      evaluate: rules.compile(node.rule, node.location),
      location: node.location,
      flag: kind === 'visibility' ? i - model.computed.length : -1,
      covering: covering(node.path),
    };
  });

  const computedPaths = new Set(model.computed.map((c) => c.path));
  const definitionDefaults = new Set(model.defaults.map((d) => d.path));
  const defaults: DefaultStep[] = [
    ...schemaDefaults(model.schema)
      .filter((d) => !definitionDefaults.has(d.path) && !computedPaths.has(d.path))
      .map((d) => ({
        path: compilePath(d.path),
        location: `schema:${d.path}`,
        value: d.value,
        evaluate: undefined,
        needsParent: true,
      })),
    ...model.defaults.map((d) => ({
      path: compilePath(d.path),
      location: d.location,
      value: d.value,
      evaluate: d.rule === undefined ? undefined : rules.compile(d.rule, d.location),
      needsParent: false,
    })),
  ];

  const conditional = new Map(model.requiredWhen.map((r) => [r.path, r]));
  const visibilitySet = new Set(visibilityPaths);
  const schemaRequired = staticallyRequired(model.schema);
  const requiredPaths = draft
    ? []
    : [...new Set([...model.requiredWhen.map((r) => r.path), ...schemaRequired.filter((p) => visibilitySet.has(p))])];
  const required: RequiredCheck[] = requiredPaths.map((path) => {
    const when = conditional.get(path);
    return {
      path: compilePath(path),
      label: model.labels.get(path),
      evaluate: when === undefined ? undefined : rules.compile(when.rule, when.location),
      location: when?.location ?? `schema:${path}`,
      covering: covering(path),
    };
  });

  const validations: ValidationStep[] = (draft ? [] : model.validations).map((v) => ({
    id: v.id,
    path: v.path,
    message: v.message,
    evaluate: rules.compile(v.rule, v.location),
    location: v.location,
    covering: covering(v.path),
  }));

  const schema = compileSchema(deps.validator, withoutRequired(model.schema, draft ? schemaRequired : requiredPaths), model.labels);
  const draftWhen = draft || model.drafts === undefined ? undefined : rules.compile(model.drafts.rule, model.drafts.location);
  if (!schema.ok) rules.problems.push(formProblems.schemaInvalid(schema.problems));
  if (rules.problems.length > 0 || !schema.ok) throw new TrellisError(rules.problems as [Problem, ...Problem[]]);
  const selfChecked = new Set(requiredPaths);
  const reads = scopeReads(model, [...defaults, ...steps, ...required].map((s) => s.path.path));
  const mirrored = reads === null ? null : reads.fields;
  return {
    defaults,
    steps,
    visibilityPaths,
    required,
    schemaRequired: draft ? [] : schemaRequired.filter((p) => !selfChecked.has(p)).map((path) => ({ path, covering: covering(path) })),
    validations,
    validate: schema.validate,
    ruleReads: rules.reads,
    scopeFields: mirrored === null ? null : [...mirrored],
    mirrored,
    draftWhen,
  };
}
