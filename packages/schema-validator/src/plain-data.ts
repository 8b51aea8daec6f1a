/**
 * Whether a schema can be checked with plain property reads (`data.x`) instead of ajv's
 * `ownProperties` checks (a hasOwnProperty call for every property, a quarter of the validation
 * time). For data that is plain JSON (objects whose prototype is Object.prototype or null, as
 * JSON.parse or a checked copy produce) the two give the same answers unless the schema names a
 * property such objects inherit (`toString`, `constructor`, `__proto__`…). Schemas that declare
 * or reach other schemas (`$id`, a `$ref` that is not local) are left to the checked instance,
 * which holds every registered schema and whose names this walk cannot see.
 */

const objectProto = Object.prototype;

function isInherited(name: string): boolean {
  return name in objectProto;
}

function isExternalRef(key: string, value: unknown): boolean {
  return (key === '$ref' || key === '$dynamicRef') && typeof value === 'string' && !value.startsWith('#');
}

/** True when nothing in the schema (keys or text values, at any depth) needs own-property checks. */
export function allowsPlainReads(schema: unknown): boolean {
  if (typeof schema === 'string') return !isInherited(schema);
  if (typeof schema !== 'object' || schema === null) return true;
  if (Array.isArray(schema)) return schema.every(allowsPlainReads);
  for (const [key, value] of Object.entries(schema)) {
    if (isInherited(key) || key === '$id' || isExternalRef(key, value) || !allowsPlainReads(value)) return false;
  }
  return true;
}
