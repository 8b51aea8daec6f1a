/**
 * What a permission's `scope` rule reads besides the record's own fields (docs/formats.md,
 * "permission"): the record's server-owned metadata as `$` pseudo-fields, and the user. Kept with
 * the formats so the engine that evaluates scopes and the template checks agree on one list.
 * No `$now`/`$today`: a scope is also translated to SQL, where it must not depend on a clock.
 */
export const SCOPE_META_FIELDS = ['$id', '$owner', '$partnerOrg', '$createdBy', '$updatedBy', '$createdAt', '$updatedAt'] as const;

export type ScopeMetaField = (typeof SCOPE_META_FIELDS)[number];

const text = { type: ['string', 'null'] };

/** JSON Schema of the keys a scope reads next to the record's fields. */
export const SCOPE_CONTEXT_SCHEMA = {
  type: 'object',
  properties: {
    ...Object.fromEntries(SCOPE_META_FIELDS.map((field) => [field, text])),
    $user: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
        partnerOrg: text,
        regions: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
    },
  },
} as const;
