/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/common/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */

/**
 * A stable slug: lower-case letter, then lower-case letters, digits or underscores, at most 63 characters. Unique per kind within an app.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "id".
 */
export type DefinitionId = string;
/**
 * Dot-separated property path into a record, e.g. `address.city`. Array items are not addressed.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "fieldPath".
 */
export type FieldPath = string;
/**
 * A calendar date, `YYYY-MM-DD`.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "isoDate".
 */
export type IsoDate = string;
/**
 * Any JSON value.
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "jsonValue".
 */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | {
      [k: string]: JsonValue;
    };

/**
 * Building blocks shared by every Trellis definition format: ids, field paths, dates, JSON values and embedded JSON Schemas. Not a definition kind of its own.
 */
export interface Common {
  [k: string]: unknown;
}
/**
 * An embedded JSON Schema (draft 2020-12) describing an object; only local `$ref`s are allowed (checked by code when the definition is saved).
 *
 * This interface was referenced by `Common`'s JSON-Schema
 * via the `definition` "objectSchema".
 */
export interface ObjectSchema {
  type: 'object';
  [k: string]: unknown;
}
