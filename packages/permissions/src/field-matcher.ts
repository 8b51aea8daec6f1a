import type { FieldSet } from './types.js';

/**
 * A FieldSet made ready for lookups: `covers` and `coversBelow` answer as the list versions in
 * fields.ts do, with a few Set lookups (one per `.` in the path) however many fields the set names.
 */
export interface FieldMatcher {
  /** the set is `'*'` */
  readonly all: boolean;
  /** The set names `path` or a field above it (`address` covers `address.city`). */
  covers(path: string): boolean;
  /** The set names a field below `path`, so part of the object at `path` is covered. */
  coversBelow(path: string): boolean;
}

/** The parts of `path` before each of its dots: `a.b.c` → `a`, `a.b`. */
function* heads(path: string): Generator<string> {
  for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) yield path.slice(0, dot);
}

class Matcher implements FieldMatcher {
  constructor(readonly all: boolean, private readonly fields: ReadonlySet<string>, private readonly parents: ReadonlySet<string>) {}

  covers(path: string): boolean {
    if (this.all || this.fields.has(path)) return true;
    // `field` covers `path` when `field.` starts it: `field` is one of its heads
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      if (this.fields.has(path.slice(0, dot))) return true;
    }
    return false;
  }

  coversBelow(path: string): boolean {
    return this.all || this.parents.has(path);
  }
}

export function fieldMatcher(set: FieldSet): FieldMatcher {
  if (set === '*') return new Matcher(true, new Set(), new Set());
  return new Matcher(false, new Set(set), new Set(set.flatMap((field) => [...heads(field)])));
}
