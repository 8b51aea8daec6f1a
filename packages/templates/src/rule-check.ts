import { problemsUnder, type Problem } from '@trellis/errors';
import { checkRuleAgainstSchema, checkRuleSafety, type JsonSchemaObject, type Rule } from '@trellis/rules';
import { templateProblems } from './problems.js';
import type { TemplateIndex } from './template-index.js';

/**
 * What a rule may read. `schema: null` when the schema it should be checked against is not
 * available (its entity is missing or malformed, which is reported on its own), so only the
 * schema-independent checks run.
 */
export interface RuleScope {
  readonly schema: JsonSchemaObject | null;
  /** whether the reserved context keys ($now, $today, $user) are there too */
  readonly context: boolean;
}

/** A rule that declares nothing it reads may read nothing: every `var` in it is reported. */
export const NOTHING: JsonSchemaObject = { type: 'object', properties: {}, additionalProperties: false };

/** Save-time checks of one rule expression: safety, then fields and types against its scope. */
export function checkRuleAt(rule: Rule, path: string, scope: RuleScope): Problem[] {
  const safety = checkRuleSafety(rule);
  const typed = scope.schema === null ? [] : checkRuleAgainstSchema(rule, scope.schema, { context: scope.context });
  return problemsUnder(path, [...safety, ...typed]);
}

/** Rules attached to an entity read its records plus the context keys. */
export function entityScope(index: TemplateIndex, entityId: string | undefined): RuleScope {
  if (entityId === undefined) return { schema: NOTHING, context: true };
  const entity = index.entityById.get(entityId);
  return { schema: entity === undefined ? null : (entity.schema as JsonSchemaObject), context: true };
}

/** A reference to an entity that the template does not define. */
export function checkEntityRef(index: TemplateIndex, id: string, path: string): Problem[] {
  return index.known.entities.has(id) ? [] : [templateProblems.unknownEntity(path, id)];
}
