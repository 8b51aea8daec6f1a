/**
 * Save-time defence against hostile record schemas: a definition is user data, and its schema is
 * compiled and run on every submission. Rejected here, before anything compiles it:
 *   - size: more than `maxNodes` JSON nodes or `maxTextLength` characters of keys and strings;
 *   - depth: JSON nesting deeper than `maxDepth` (also keeps this walk's recursion bounded);
 *   - `$ref` other than local (`#` or `#/…`): remote and file references are never fetched, but
 *     neither are they allowed to stand, and `$dynamicRef`/`$recursiveRef`;
 *   - `$id` below the root (a nested resource would clash with itself when the schema is compiled
 *     again for a new version);
 *   - `pattern` values and `patternProperties` keys longer than `maxPatternLength`, not valid
 *     (unicode) regular expressions, or with nested repetition (`(a+)+`).
 *
 * Regex check: safe-regex2 (fastify's maintained fork of substack's safe-regex). It rejects star
 * height above 1, the shape of the classic exponential patterns, in microseconds and without
 * native code, so it runs in the browser too. It misses overlapping alternations under one
 * quantifier (`(a|aa)+`), which the length limit only bounds; redos-detector, which finds some of
 * those, took seconds on small patterns, threw on named groups and rejected ordinary ones such as
 * `^[^@]+@[^@]+\.[a-z]{2,}$`, so it would burden admins more than it protects.
 *
 * Keywords are only looked at where JSON Schema has subschemas; the values of `const`, `enum`,
 * `default` and `examples` and of unknown keywords are data (counted, never interpreted).
 */
import type { Problem } from '@trellis/errors';
import safeRegex from 'safe-regex2';
import { formProblems } from '../problems.js';

export interface SchemaLimits {
  readonly maxNodes: number;
  readonly maxTextLength: number;
  readonly maxDepth: number;
  readonly maxPatternLength: number;
}

export const DEFAULT_SCHEMA_LIMITS: SchemaLimits = {
  maxNodes: 5_000,
  maxTextLength: 500_000,
  maxDepth: 32,
  maxPatternLength: 256,
};

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_VALUES = new Set([
  'not', 'if', 'then', 'else', 'items', 'additionalItems', 'additionalProperties',
  'unevaluatedProperties', 'unevaluatedItems', 'contains', 'propertyNames',
]);
const DYNAMIC_REFS = new Set(['$dynamicRef', '$recursiveRef', '$dynamicAnchor', '$recursiveAnchor']);

type Role = 'schema' | 'map' | 'list' | 'data';

/** A JSON-pointer-like location (`schema/properties/code/pattern`), keys escaped as in RFC 6901. */
function at(location: string, key: string | number): string {
  return `${location}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

class SchemaWalk {
  readonly problems: Problem[] = [];
  private nodes = 0;
  private text = 0;
  private tooDeep = false;

  constructor(private readonly limits: SchemaLimits) {}

  walk(value: unknown, role: Role, location: string, depth: number): void {
    if (this.nodes > this.limits.maxNodes || this.tooDeep) return;
    this.nodes++;
    if (typeof value === 'string') this.text += value.length;
    if (typeof value !== 'object' || value === null) return;
    if (depth > this.limits.maxDepth) {
      this.tooDeep = true;
      this.problems.push(formProblems.schemaTooDeep(location, this.limits.maxDepth));
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.walk(item, role === 'list' ? 'schema' : 'data', at(location, i), depth + 1));
      return;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      this.text += key.length;
      const here = at(location, key);
      if (role === 'schema') this.keyword(key, child, here);
      if (role === 'map' && location.endsWith('/patternProperties')) this.pattern(key, here);
      this.walk(child, childRole(role, key, child), here, depth + 1);
    }
  }

  private keyword(key: string, value: unknown, location: string): void {
    if (key === '$ref' && typeof value === 'string' && value !== '#' && !value.startsWith('#/')) {
      this.problems.push(formProblems.remoteRef(location, value));
    } else if (DYNAMIC_REFS.has(key)) {
      this.problems.push(formProblems.dynamicRef(location, key));
    } else if (key === '$id' && location !== 'schema/$id') {
      this.problems.push(formProblems.nestedId(location));
    } else if (key === 'pattern' && typeof value === 'string') {
      this.pattern(value, location);
    }
  }

  private pattern(source: string, location: string): void {
    const limit = this.limits.maxPatternLength;
    if (source.length > limit) {
      this.problems.push(formProblems.unsafePattern(location, source.slice(0, 40), 'length', limit));
      return;
    }
    try {
      // ajv compiles patterns with the unicode flag; a pattern it cannot compile is reported here, at its place
      new RegExp(source, 'u');
    } catch {
      this.problems.push(formProblems.unsafePattern(location, source, 'syntax', limit));
      return;
    }
    if (!safeRegex(source)) this.problems.push(formProblems.unsafePattern(location, source, 'backtracking', limit));
  }

  sizeProblems(): Problem[] {
    const { maxNodes, maxTextLength } = this.limits;
    if (this.nodes > maxNodes) return [formProblems.schemaTooLarge(maxNodes)];
    if (this.text > maxTextLength) return [formProblems.schemaTooBig(this.text, maxTextLength)];
    return [];
  }
}

function childRole(role: Role, key: string, child: unknown): Role {
  if (role === 'map' || role === 'list') return 'schema';
  if (role !== 'schema') return 'data';
  if (SCHEMA_MAPS.has(key)) return 'map';
  if (SCHEMA_LISTS.has(key)) return 'list';
  // the draft-07 tuple form `items: [...]` is a list of schemas
  if (SCHEMA_VALUES.has(key)) return Array.isArray(child) ? 'list' : 'schema';
  return 'data';
}

/** Everything that makes the schema unfit to compile; any problem means it must not be compiled. */
export function checkSchemaSafety(schema: unknown, limits: SchemaLimits = DEFAULT_SCHEMA_LIMITS): Problem[] {
  const walk = new SchemaWalk(limits);
  walk.walk(schema, 'schema', 'schema', 1);
  return [...walk.sizeProblems(), ...walk.problems];
}
