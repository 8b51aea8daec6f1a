import type { EntityDefinition, PermissionDefinition } from '@trellis/definitions';
import { TrellisError, type Problem } from '@trellis/errors';
import { checkRuleSafety, type JsonValue, type Rule } from '@trellis/rules';
import { fieldMatcher, type FieldMatcher } from './field-matcher.js';
import { collectChanges, pickMatching, sameValue, intersectFields, unionFields, valueAt } from './fields.js';
import { GrantIndex, grantOf, type Grant } from './grant-index.js';
import { permissionProblems } from './problems.js';
import { boundScope, type BoundScope } from './bound-scope.js';
import { anyOf, bindUser, userContext } from './scope.js';
import type { FieldSet, JsonObject, PermissionAction, PermissionUser, RecordFacts, RecordMeta } from './types.js';

/** Fields the server derives whatever a client sends, per entity (see CompileOptions.entities). */
interface Derived {
  readonly computed: FieldMatcher;
  readonly defaults: ReadonlyMap<string, JsonValue>;
}

export interface CompileOptions {
  /**
   * The app's entities. With them, `computed` fields (the form runtime recomputes them from other
   * fields) never count as written, and on create neither does a field left at its fixed default.
   */
  readonly entities?: readonly EntityDefinition[];
}

export interface ReadOptions {
  readonly meta?: RecordMeta;
  /** 'read' (default) or 'export': whose grants' readable fields apply */
  readonly action?: 'read' | 'export';
}

export interface WriteOptions {
  readonly meta?: RecordMeta;
  /** default: 'create' without `before`, else 'update'; 'import' for rows of an import */
  readonly action?: 'create' | 'update' | 'import';
}

export interface PermissionModel {
  /** Whether any grant of the user's roles allows the action on the entity (on some records). */
  can(user: PermissionUser, action: PermissionAction, entity: string): boolean;
  /**
   * The records the user may do the action to, as a JSON Logic condition over record fields and
   * `$` metadata with the user's values in it as literals: `false` for none, `true` for all.
   */
  scopeFor(user: PermissionUser, entity: string, action: PermissionAction): Rule;
  /** Whether the user may do the action to this record. */
  allowsRecord(user: PermissionUser, action: PermissionAction, entity: string, record: RecordFacts): boolean;
  /** The fields the action's grants name, whatever the record (e.g. to choose list or export columns). */
  fieldsFor(user: PermissionUser, entity: string, action: PermissionAction): FieldSet;
  /**
   * The fields the user may read in every record the action's grants reach (none without a grant):
   * what a list may filter or sort on without revealing values of a field the user may not read.
   */
  readableEverywhere(user: PermissionUser, entity: string, action: PermissionAction): FieldSet;
  /** The record's data without the fields the user may not read (those of grants whose scope holds). */
  readableView(user: PermissionUser, entity: string, data: JsonObject, options?: ReadOptions): JsonObject;
  /**
   * PERM_FORBIDDEN when no grant covers the write (for an update, the scope must hold before and
   * after it), else PERM_FIELD_NOT_WRITABLE for each changed field no applicable grant lets the user
   * write. `after` is the whole record as it would be stored, not a patch.
   */
  checkWritable(user: PermissionUser, entity: string, before: JsonObject | null, after: JsonObject, options?: WriteOptions): Problem[];
}

function validate(defs: readonly PermissionDefinition[], roleIds: ReadonlySet<string>): Problem[] {
  return defs.flatMap((def) => [
    ...def.roles.flatMap((role, i) => (roleIds.has(role) ? [] : [permissionProblems.unknownRole(`permissions.${def.id}.roles.${i}`, role)])),
    ...(def.scope === undefined ? [] : checkRuleSafety(def.scope).map((p) => ({ ...p, path: `permissions.${def.id}.scope${p.path === '' ? '' : `.${p.path}`}` }))),
  ]);
}

function derivedFields(entities: readonly EntityDefinition[]): Map<string, Derived> {
  return new Map(entities.map((entity) => {
    const defaults = Object.entries(entity.rules?.defaults ?? {}).flatMap(([path, d]) => ('value' in d ? [[path, d.value as JsonValue] as const] : []));
    return [entity.id, { computed: fieldMatcher(Object.keys(entity.rules?.computed ?? {})), defaults: new Map(defaults) }];
  }));
}

/** Users whose bound scopes a grant keeps before it starts over. */
const MAX_BOUND_USERS = 1000;

/**
 * Compiles an app's permission definitions. Deny by default: a user may do only what some grant
 * of one of their roles allows, and grants combine by union (fields) and OR (scopes). Throws a
 * TrellisError (PERM_UNKNOWN_ROLE, RULE_* for an unsafe scope) for definitions an import would
 * have rejected.
 */
export function compilePermissions(
  defs: readonly PermissionDefinition[],
  roles: readonly (string | { readonly id: string })[],
  options: CompileOptions = {},
): PermissionModel {
  const problems = validate(defs, new Set(roles.map((role) => (typeof role === 'string' ? role : role.id))));
  if (problems.length > 0) throw new TrellisError(problems as [Problem, ...Problem[]]);
  const grants = new GrantIndex(defs.map(grantOf));
  const derived = derivedFields(options.entities ?? []);
  const bindings = new Map<Grant, Map<string, BoundScope>>();

  const grantsFor = (user: PermissionUser, action: PermissionAction, entity: string) => grants.grantsFor(user.roles, action, entity);

  /**
   * The grants' scopes bound to the user, kept per user: every request of a user binds the same
   * scopes, and binding folds constants by compiling them. A model lives as long as its grants do.
   */
  const binder = (context: JsonObject) => {
    const key = JSON.stringify(context);
    return (g: Grant): BoundScope => {
      if (g.scope === true) return boundScope(true);
      let perUser = bindings.get(g);
      if (perUser === undefined) bindings.set(g, (perUser = new Map()));
      let scope = perUser.get(key);
      if (scope === undefined) {
        if (perUser.size >= MAX_BOUND_USERS) perUser.clear();
        perUser.set(key, (scope = boundScope(bindUser(g.scope, context))));
      }
      return scope;
    };
  };

  /** The grants for the action whose scope holds on every one of the records. */
  const applying = (user: PermissionUser, action: PermissionAction, entity: string, records: readonly RecordFacts[]) => {
    const context = userContext(user);
    const bind = binder(context);
    return grantsFor(user, action, entity).filter((g) => {
      const scope = bind(g);
      return records.every((record) => scope.holds(record, context));
    });
  };

  const isDerived = (entity: string, path: string, after: JsonObject, creating: boolean) => {
    const fields = derived.get(entity);
    if (fields === undefined) return false;
    if (fields.computed.covers(path)) return true;
    return creating && fields.defaults.has(path) && sameValue(fields.defaults.get(path), valueAt(after, path));
  };

  return {
    can: (user, action, entity) => grantsFor(user, action, entity).length > 0,

    scopeFor(user, entity, action) {
      const bind = binder(userContext(user));
      return anyOf(grantsFor(user, action, entity).map((g) => bind(g).rule));
    },

    allowsRecord: (user, action, entity, record) => applying(user, action, entity, [record]).length > 0,

    fieldsFor: (user, entity, action) => unionFields(grantsFor(user, action, entity).map((g) => g.readable)),

    readableEverywhere(user, entity, action) {
      const applicable = grantsFor(user, action, entity);
      return applicable.length === 0 ? [] : intersectFields(applicable.map((g) => g.readable));
    },

    readableView(user, entity, data, { meta, action = 'read' } = {}) {
      return pickMatching(data, grants.fields(applying(user, action, entity, [{ data, meta }]), 'readable'));
    },

    checkWritable(user, entity, before, after, { meta, action = before === null ? 'create' : 'update' } = {}) {
      const states = before === null ? [{ data: after, meta }] : [{ data: before, meta }, { data: after, meta }];
      const allowed = applying(user, action, entity, states);
      if (allowed.length === 0) return [permissionProblems.forbidden(entity, action)];
      // the changed paths the grants do not let write (subtrees they cover are not even compared)
      const unwritable: string[] = [];
      collectChanges(before ?? {}, after, '', grants.fields(allowed, 'writable'), unwritable);
      return unwritable
        .filter((path) => !isDerived(entity, path, after, before === null))
        .map((path) => permissionProblems.fieldNotWritable(path, entity));
    },
  };
}
