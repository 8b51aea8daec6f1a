import type { PermissionAction } from '@trellis/definitions';
import type { JsonValue } from '@trellis/rules';

export type { PermissionAction } from '@trellis/definitions';

export const PERMISSION_ACTIONS: readonly PermissionAction[] = ['read', 'create', 'update', 'delete', 'export', 'import'];

export type JsonObject = { [key: string]: JsonValue };

/** Who asks: what a scope rule may read as `$user`. */
export interface PermissionUser {
  readonly id: string;
  readonly roles: readonly string[];
  readonly partnerOrg: string | null;
  readonly regions?: readonly string[];
}

/**
 * A record's server-owned metadata, by name without the `$`: `{owner, partnerOrg, createdBy…}`
 * is read by scope rules as `$owner`, `$partnerOrg`, `$createdBy`…
 */
export type RecordMeta = Readonly<Record<string, JsonValue | undefined>>;

/** A stored record as scope rules see it: its data and its metadata. */
export interface RecordFacts {
  readonly data: JsonObject;
  readonly meta?: RecordMeta;
}

/** `"*"` for every field, or field paths (each covering everything below it). */
export type FieldSet = '*' | readonly string[];
