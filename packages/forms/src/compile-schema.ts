/**
 * Compiles a record schema and tells whether it compiled. The SchemaValidator interface returns a
 * function even for a schema that cannot compile (that function reports why, whatever the data),
 * so a probe run tells the two apart by the compile-failure codes of @trellis/schema-validator.
 *
 * The root `$id` is left out: one validator instance compiles every version of a definition (and
 * the save-time check compiles it too), and ajv refuses a second schema with an `$id` it already
 * holds. Only local references are allowed, so the `$id` plays no part in resolving them.
 * (`$id` below the root is refused at save time for the same reason.)
 */
import type { LocalizedText, Problem } from '@trellis/errors';
import type { SchemaValidator } from './types.js';

const COMPILE_FAILURES = new Set(['SCHEMA_INVALID', 'SCHEMA_UNRESOLVED_REF']);

export type CompiledSchema =
  | { readonly ok: true; readonly validate: (data: unknown) => readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function compileSchema(validator: SchemaValidator, schema: Readonly<Record<string, unknown>>, labels?: ReadonlyMap<string, LocalizedText>): CompiledSchema {
  const { $id: _id, ...anonymous } = schema;
  const validate = validator.compile(anonymous, labels === undefined ? undefined : { labels: (path) => labels.get(path) });
  const problems = validate(undefined).filter((p) => COMPILE_FAILURES.has(p.code));
  return problems.length === 0 ? { ok: true, validate } : { ok: false, problems };
}
