import type { JsonValue } from '@trellis/rules';

type Obj = Readonly<Record<string, JsonValue>>;

function isObject(value: JsonValue | undefined): value is Obj {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** The value at a dotted field path, null when any step is missing. */
export function getPath(record: Obj, path: string): JsonValue {
  let node: JsonValue = record as JsonValue;
  for (const segment of path.split('.')) {
    if (!isObject(node) || !Object.hasOwn(node, segment)) return null;
    node = node[segment] as JsonValue;
  }
  return node;
}

/** A copy of the record with the value at a dotted field path, creating objects on the way. */
export function setPath(record: Obj, path: string, value: JsonValue): Record<string, JsonValue> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...record, [head]: value };
  const child = record[head];
  return { ...record, [head]: setPath(isObject(child) ? child : {}, rest.join('.'), value) };
}
