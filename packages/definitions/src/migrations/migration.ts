import type { DefinitionKind } from '../kinds.js';

/** A JSON object as read from a file: the shape a migration steps from and to. */
export type JsonObject = Record<string, unknown>;

/**
 * One explicit step from one format version of a kind to the next. `migrate` receives a document
 * already valid against the `from` schema (when one is published) and must not change it.
 */
export interface Migration {
  readonly kind: DefinitionKind;
  readonly from: number;
  readonly to: number;
  readonly migrate: (doc: Readonly<JsonObject>) => JsonObject;
}
