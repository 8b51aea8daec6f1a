import { SCOPE_CONTEXT_SCHEMA, type PermissionDefinition, type PermissionFields } from '@trellis/definitions';
import type { Problem } from '@trellis/errors';
import { checkRuleAgainstSchema, type JsonSchemaObject } from '@trellis/rules';
import { templateProblems } from './problems.js';
import { checkEntityRef, checkRuleAt, type RuleScope } from './rule-check.js';
import type { TemplateIndex } from './template-index.js';

/**
 * What a scope reads: the entity's fields plus record metadata and `$user` (docs/formats.md,
 * "permission"). A grant for every entity ("*") can only rely on what all records have.
 */
function scopeOf(index: TemplateIndex, entity: string): RuleScope {
  const context = SCOPE_CONTEXT_SCHEMA as unknown as JsonSchemaObject;
  if (entity === '*') return { schema: context, context: false };
  const schema = index.entityById.get(entity)?.schema as JsonSchemaObject | undefined;
  if (schema === undefined) return { schema: null, context: false };
  const properties = { ...(schema.properties as object | undefined), ...SCOPE_CONTEXT_SCHEMA.properties };
  return { schema: { ...schema, properties }, context: false };
}

/** Each named field must exist in the entity, reported as the rule `{"var": field}` would be (with a "did you mean"). */
function checkFieldList(index: TemplateIndex, entity: string, fields: PermissionFields | undefined, path: string): Problem[] {
  const schema = index.entityById.get(entity)?.schema as JsonSchemaObject | undefined;
  if (fields === undefined || fields === '*' || schema === undefined) return [];
  return fields.flatMap((field, i) => checkRuleAgainstSchema({ var: field }, schema).map((p) => ({ ...p, path: `${path}.${i}` })));
}

function checkPermission(index: TemplateIndex, permission: PermissionDefinition): Problem[] {
  const at = `permissions.${permission.id}`;
  return [
    ...permission.roles.flatMap((role, i) => (index.known.roles.has(role) ? [] : [templateProblems.unknownRole(`${at}.roles.${i}`, role)])),
    ...(permission.entity === '*' ? [] : checkEntityRef(index, permission.entity, `${at}.entity`)),
    ...checkFieldList(index, permission.entity, permission.readableFields, `${at}.readableFields`),
    ...checkFieldList(index, permission.entity, permission.writableFields, `${at}.writableFields`),
    ...(permission.scope === undefined ? [] : checkRuleAt(permission.scope, `${at}.scope`, scopeOf(index, permission.entity))),
  ];
}

/** Each permission: its roles and entity exist, its fields are the entity's, its scope reads only what a scope may. */
export function checkPermissions(index: TemplateIndex): Problem[] {
  return index.permissions.flatMap((permission) => checkPermission(index, permission));
}
