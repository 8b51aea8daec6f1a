/**
 * The submission copy (clone-submission.ts) specialised to a record schema: for every property the
 * schema names, the copy is written through a literal property name, which V8 turns into a fast
 * store (a copy by computed names took 2.5 times as long, the longest single step of `process`
 * after the schema check). Other keys, and every check, go through the same code as the generic
 * copy (`copyProperty`, `copyValue`), so the result and the problems are the same: order of keys,
 * refused keys, non-JSON values, depth limit. Nested objects whose schema names properties get
 * their own copier; arrays and other values are copied generically.
 *
 * As in generate-process.ts, names enter the code only as JSON string literals.
 */
import type { Problem } from '@trellis/errors';
import { compileFactory, literal } from './codegen-literal.js';
import { copyObject, copyProperty, copyValue, describe, join, type ObjectCopier } from './clone-submission.js';
import { isForbiddenKey, type JsonObject } from './field-path.js';
import { formProblems } from './problems.js';

/** Copiers for objects nested deeper than this are not generated (the generic copy still checks them). */
const MAX_SCHEMA_DEPTH = 8;
/** Beyond this many named properties in one definition the generic copy is used. */
const MAX_PROPERTIES = 2_000;

const helpers = {
  HAS: Object.prototype.hasOwnProperty,
  COPY_PROPERTY: copyProperty,
  COPY_VALUE: copyValue,
  JOIN: join,
  DESCRIBE: describe,
  NOT_JSON: formProblems.notJson,
};

const PROLOGUE = `var ${Object.keys(helpers).map((name) => `${name} = H.${name}`).join(', ')};`;

type Factory = (nested: readonly ObjectCopier[], h: typeof helpers) => ObjectCopier;

function propertiesOf(schema: unknown): Record<string, unknown> | null {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return null;
  const { properties } = schema as { properties?: unknown };
  return typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? (properties as Record<string, unknown>) : null;
}

/** More than this and V8 would keep the object's fields outside it anyway. */
const MAX_RESERVED_SLOTS = 128;

/** Stores that never run (`reserve` is never passed) but make V8 size Copy objects for `count` fields. */
function reserveSlots(count: number): string {
  const n = Math.min(count, MAX_RESERVED_SLOTS);
  if (n === 0) return '';
  return `if (reserve) { ${Array.from({ length: n }, (_, i) => `this.r${i} = 0;`).join(' ')} }`;
}

/**
 * The JS source of one object's copier; `nested[i]` copies the plain-object value of the i-th name.
 *
 * Each key is looked up once (a switch on the name gives its slot), its value checked by code
 * shared by all names, and stored by a second switch on the slot (a jump table) whose cases are
 * nothing but the literal-name store. Checking inside every case made V8 compile the check once
 * per name (and twice, as it peels the loop's first turn): 11 kB of machine code for 14 names,
 * which with the schema check and the rules no longer fit the CPU's instruction cache.
 */
export function copierSource(names: readonly string[]): string {
  const slots = names.map((name, i) => `case ${literal(name)}: slot = ${i}; break;`);
  const stores = names.map((name, i) => `case ${i}: copy[${literal(name)}] = value; break;`);
  return [
    '"use strict";',
    PROLOGUE,
    // Copies are made by `new Copy()`, a plain object all the same (its prototype is
    // Object.prototype): V8 sizes objects made by a constructor to what they end up holding, so
    // the fields sit in the object instead of in a store that grows as the copy does (`{}` has
    // room for 4). Reading them (the schema check, the rules) is faster too: ~5% of `process`.
    // V8 starts from the number of `this.x =` stores in the constructor's text (plus a few) and
    // trims to what the objects use: without the never-run stores below a record of more than 10
    // fields gets a separate, growing store for the rest (two more allocations and copies per call).
    `function Copy(reserve) { ${reserveSlots(names.length)} }`,
    'Copy.prototype = Object.prototype;',
    'return function copyObject(source, path, depth, problems) {',
    'var copy = new Copy(), slot, value;',
    'for (var key in source) {',
    'if (!HAS.call(source, key)) continue;',
    'switch (key) {',
    ...slots,
    'default: slot = -1;',
    '}',
    'if (slot === -1) { COPY_PROPERTY(copy, source, key, path, depth, problems); continue; }',
    'value = source[key];',
    'if (typeof value === "object") { if (value !== null) value = COPY_VALUE(value, JOIN(path, key), depth + 1, problems, N[slot]); }',
    'else if (!(typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && value - value === 0))) {',
    'if (value === void 0) continue;',
    'problems.push(NOT_JSON(JOIN(path, key), DESCRIBE(value)));',
    'value = null;',
    '}',
    'switch (slot) {',
    ...stores,
    '}',
    '}',
    'return copy;',
    '};',
  ].filter((line) => line !== '').join('\n');
}

class CopierBuilder {
  private properties = 0;

  /** null: code cannot be generated here, or the schema is too large to be worth it */
  build(schema: unknown, depth: number): ObjectCopier | null {
    const properties = propertiesOf(schema);
    if (properties === null || depth > MAX_SCHEMA_DEPTH) return copyObject;
    // keys the copy refuses are left to the generic code, which reports them
    const names = Object.keys(properties).filter((name) => !isForbiddenKey(name) && !(depth === 0 && name.startsWith('$')));
    this.properties += names.length;
    if (this.properties > MAX_PROPERTIES) return null;
    const nested: ObjectCopier[] = [];
    for (const name of names) {
      const copier = this.build(properties[name], depth + 1);
      if (copier === null) return null;
      nested.push(copier);
    }
    const factory = compileFactory<Factory>(['N', 'H'], copierSource(names));
    return factory === null ? null : factory(nested, helpers);
  }
}

/** cloneSubmission specialised to the record schema, or null (then cloneSubmission itself is used). */
export function generateCopy(schema: unknown): ((submission: JsonObject, problems: Problem[]) => JsonObject) | null {
  if (propertiesOf(schema) === null) return null;
  const copier = new CopierBuilder().build(schema, 0);
  return copier === null ? null : (submission, problems) => copier(submission, '', 0, problems);
}
