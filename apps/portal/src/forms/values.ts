/** Reading and writing dotted field paths in plain record data, without mutating it. */
type Json = Record<string, unknown>;

export function getAt(data: Json, path: string): unknown {
  let at: unknown = data;
  for (const key of path.split('.')) at = typeof at === 'object' && at !== null ? (at as Json)[key] : undefined;
  return at;
}

export function setAt(data: Json, path: string, value: unknown): Json {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) {
    if (value === undefined || value === null) {
      const { [head]: _dropped, ...kept } = data;
      return kept;
    }
    return { ...data, [head]: value };
  }
  const child = typeof data[head] === 'object' && data[head] !== null ? (data[head] as Json) : {};
  return { ...data, [head]: setAt(child, rest.join('.'), value) };
}

/** The data with every computed value written in (what the server will store). */
export function withComputed(data: Json, computed: Readonly<Record<string, unknown>>): Json {
  return Object.entries(computed).reduce((out, [path, value]) => setAt(out, path, value), data);
}

const isPlain = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The data without empty objects and undefined values at any depth: rjsf fills an untouched
 * object field (an upload, a group) with `{}`, which would read as a half-filled value.
 */
export function pruneEmpty(data: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (isPlain(value)) {
      const inner = pruneEmpty(value);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else out[key] = value;
  }
  return out;
}
