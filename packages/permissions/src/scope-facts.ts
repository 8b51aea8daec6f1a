/**
 * The data a scope rule is evaluated on: the record's fields, its metadata as `$name` and the user
 * as `$user`, later ones winning. Most scopes read a handful of names (`$partnerOrg`, `region`), so
 * only those are looked up, instead of copying the whole record for every grant and request.
 */
import { isForbiddenSegment, type JsonValue, type Rule } from '@trellis/rules';
import { isOwnKey, isPlainObject } from './fields.js';
import type { RecordFacts } from './types.js';

/** A name the data does not have: left out of the scope data, as the spread leaves it out. */
const ABSENT = Symbol('absent');

/** `{"var": path}` reads the part of the path before its first dot (see lookupVar). */
function nameOf(path: unknown): string | null {
  if (typeof path !== 'string' && typeof path !== 'number' && typeof path !== 'boolean') return null;
  return path === '' ? null : (String(path).split('.')[0] as string);
}

function collect(rule: Rule, names: Set<string>): boolean {
  if (Array.isArray(rule)) return rule.every((item) => collect(item, names));
  if (!isPlainObject(rule)) return true;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return true; // json-logic reads such an object as a literal
  const op = keys[0] as string;
  const raw = rule[op] as Rule;
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'missing' || op === 'missing_some') return false;
  if (op === 'var') {
    // a var in an iterator reads the item: naming it here too only looks up one name more
    const name = nameOf(args[0]);
    if (name === null) return false;
    names.add(name);
  }
  return args.every((arg) => collect(arg, names));
}

/**
 * The top-level names a rule may read from its data, or null when it may read anything (the
 * whole data with `{"var": ""}`, a computed path, `missing`).
 */
export function scopeReads(rule: Rule): readonly string[] | null {
  const names = new Set<string>();
  return collect(rule, names) ? [...names].filter((name) => !isForbiddenSegment(name)) : null;
}

function factOf(name: string, record: RecordFacts, user: JsonValue): unknown {
  if (name === '$user') return user;
  const meta = record.meta;
  if (meta !== undefined && name.startsWith('$') && isOwnKey(meta, name.slice(1))) return meta[name.slice(1)] ?? null;
  return isOwnKey(record.data, name) ? record.data[name] : ABSENT;
}

/**
 * The scope data for a record, reduced to `reads` (see scopeReads; null for all of it). `user` is
 * userContext(user). Forbidden names (`__proto__`…) are never read, so they are never set.
 */
export function scopeFacts(reads: readonly string[] | null, record: RecordFacts, user: JsonValue): Record<string, unknown> {
  if (reads === null) {
    const meta = Object.entries(record.meta ?? {}).map(([key, value]) => [`$${key}`, value ?? null]);
    return { ...record.data, ...Object.fromEntries(meta), $user: user };
  }
  const facts: Record<string, unknown> = {};
  for (const name of reads) {
    const value = factOf(name, record, user);
    if (value !== ABSENT) facts[name] = value;
  }
  return facts;
}
