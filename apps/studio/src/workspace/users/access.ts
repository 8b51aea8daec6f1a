/** Roles and permission definitions of an app, arranged for reading: who may do what to which entity. */
import type { LocalizedText } from '@trellis/errors';

export interface RoleDefinition {
  readonly id: string;
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
}

export interface PermissionDefinition {
  readonly id: string;
  readonly label: LocalizedText;
  readonly roles: readonly string[];
  readonly entity: string;
  readonly actions: readonly string[];
  readonly scope?: unknown;
  readonly readableFields?: unknown;
  readonly writableFields?: unknown;
}

/** Permissions by entity (entities in name order, `*` first), optionally only those granted to `role`. */
export function permissionsByEntity(permissions: readonly PermissionDefinition[], role: string | null): [string, PermissionDefinition[]][] {
  const byEntity = new Map<string, PermissionDefinition[]>();
  for (const p of permissions) {
    if (role !== null && !p.roles.includes(role)) continue;
    byEntity.set(p.entity, [...(byEntity.get(p.entity) ?? []), p]);
  }
  return [...byEntity].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A field list as text: `*` for all fields, else the names. */
export function fieldsText(fields: unknown, all: string): string {
  if (fields === '*') return all;
  return Array.isArray(fields) ? fields.map(String).join(', ') : '';
}
