/**
 * Save-time checks of an entity definition for the form runtime, all problems at once:
 *   1. the schema is not hostile (schema-safety.ts) — if it is, it is not compiled;
 *   2. the schema compiles (FORM_SCHEMA_INVALID);
 *   3. every field the definition names exists in the schema (FORM_UNKNOWN_FIELD, with a suggestion);
 *   4. every rule is safe and reads only fields of the schema or context keys (the rules package's
 *      checks, with problem paths prefixed by where the rule sits: `rules.visibility.creditLimit/if/0`);
 *   5. computed fields and visibility rules can be ordered (FORM_COMPUTED_CYCLE, FORM_VISIBILITY_CYCLE);
 *   6. no computed field also has a default (FORM_COMPUTED_HAS_DEFAULT).
 * The definition is expected to have passed `validateDefinition('entity', …)` (its shape).
 */
import type { EntityDefinition } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { checkRuleAgainstSchema, checkRuleSafety, type JsonSchemaObject, type Rule, type RuleLimits } from '@trellis/rules';
import { atRule } from '../compile-plan.js';
import { compileSchema } from '../compile-schema.js';
import { defaultFormDeps } from '../defaults.js';
import { readDefinition, type FormModel } from '../definition-model.js';
import { formProblems } from '../problems.js';
import { orderFieldSteps } from '../step-order.js';
import type { SchemaValidator } from '../types.js';
import { checkFieldUses } from './field-usage.js';
import { checkSchemaSafety, type SchemaLimits } from './schema-safety.js';

export interface CheckFormOptions {
  readonly validator?: SchemaValidator;
  readonly schemaLimits?: SchemaLimits;
  readonly ruleLimits?: Partial<RuleLimits>;
}

function compiles(schema: Readonly<Record<string, unknown>>, validator: SchemaValidator): Problem[] {
  const compiled = compileSchema(validator, schema);
  return compiled.ok ? [] : [formProblems.schemaInvalid(compiled.problems)];
}

function rulesWithLocations(model: FormModel): { rule: Rule; location: string }[] {
  return [
    ...model.defaults.flatMap((d) => (d.rule === undefined ? [] : [{ rule: d.rule, location: d.location }])),
    ...model.visibility,
    ...model.requiredWhen,
    ...model.computed,
    ...model.validations,
    ...(model.drafts === undefined ? [] : [model.drafts]),
  ];
}

function checkRules(model: FormModel, ruleLimits: Partial<RuleLimits> | undefined): Problem[] {
  return rulesWithLocations(model).flatMap(({ rule, location }) =>
    [...checkRuleSafety(rule, ruleLimits), ...checkRuleAgainstSchema(rule, model.schema as JsonSchemaObject, { context: true })].map((p) => ({
      ...p,
      path: atRule(location, p.path),
    })),
  );
}

export function checkFormDefinition(definition: EntityDefinition, options: CheckFormOptions = {}): Problem[] {
  const model = readDefinition(definition);
  const hostile = checkSchemaSafety(model.schema, options.schemaLimits);
  // a hostile schema is neither compiled nor walked for field names
  if (hostile.length > 0) return hostile;

  const problems = [
    ...compiles(model.schema, options.validator ?? defaultFormDeps().validator),
    ...checkFieldUses(definition, model),
    ...checkRules(model, options.ruleLimits),
  ];
  const ordered = orderFieldSteps(model);
  if (!ordered.ok) problems.push(ordered.problem);
  const computed = new Set(model.computed.map((c) => c.path));
  for (const d of model.defaults) {
    if (computed.has(d.path)) problems.push(formProblems.computedHasDefault(`rules.defaults.${d.path}`, d.path));
  }
  return problems;
}
