/**
 * An app's grants arranged for the questions every request asks: which grants of the user's roles
 * allow an action on an entity, and which fields a set of them lets read or write together. Worked
 * out once per compiled model (a model lives as long as its grant definitions) instead of on every
 * call.
 */
import type { PermissionDefinition } from '@trellis/definitions';
import type { Rule } from '@trellis/rules';
import { fieldMatcher, type FieldMatcher } from './field-matcher.js';
import { unionFields } from './fields.js';
import type { FieldSet, PermissionAction } from './types.js';

export interface Grant {
  /** position among the definitions: names the grant in cache keys */
  readonly index: number;
  readonly roles: ReadonlySet<string>;
  readonly entity: string;
  readonly actions: ReadonlySet<PermissionAction>;
  readonly readable: FieldSet;
  readonly writable: FieldSet;
  readonly scope: Rule;
}

export function grantOf(def: PermissionDefinition, index: number): Grant {
  return {
    index,
    roles: new Set(def.roles),
    entity: def.entity,
    actions: new Set(def.actions),
    readable: def.readableFields ?? [],
    writable: def.writableFields ?? [],
    scope: def.scope ?? true,
  };
}

/** Field unions a model keeps before it starts over (one per combination of grants that applied). */
const MAX_UNIONS = 1000;

export class GrantIndex {
  /** the entities grants name; any other entity has the `*` grants only */
  private readonly named: ReadonlySet<string>;
  private readonly byEntity = new Map<string, ReadonlyMap<PermissionAction, readonly Grant[]>>();
  private readonly unions = new Map<string, FieldMatcher>();

  constructor(private readonly grants: readonly Grant[]) {
    this.named = new Set(grants.map((g) => g.entity));
  }

  /** The grants of any of the roles that allow the action on the entity, in definition order. */
  grantsFor(roles: readonly string[], action: PermissionAction, entity: string): Grant[] {
    const candidates = this.onEntity(entity).get(action) ?? [];
    return candidates.filter((g) => roles.some((role) => g.roles.has(role)));
  }

  /** The union of the grants' readable or writable fields, compiled once per combination. */
  fields(grants: readonly Grant[], which: 'readable' | 'writable'): FieldMatcher {
    let key = which;
    for (const g of grants) key += ` ${g.index}`;
    let union = this.unions.get(key);
    if (union === undefined) {
      if (this.unions.size >= MAX_UNIONS) this.unions.clear();
      this.unions.set(key, (union = fieldMatcher(unionFields(grants.map((g) => g[which])))));
    }
    return union;
  }

  private onEntity(entity: string): ReadonlyMap<PermissionAction, readonly Grant[]> {
    const key = this.named.has(entity) ? entity : '*';
    let byAction = this.byEntity.get(key);
    if (byAction === undefined) {
      const lists = new Map<PermissionAction, Grant[]>();
      for (const g of this.grants) {
        if (g.entity !== '*' && g.entity !== key) continue;
        for (const action of g.actions) lists.set(action, [...(lists.get(action) ?? []), g]);
      }
      this.byEntity.set(key, (byAction = lists));
    }
    return byAction;
  }
}
