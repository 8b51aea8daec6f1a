import type { Problem } from '@trellis/errors';
import type { JsonValue, Rule } from '../types.js';
import { isOperator } from '../operators/names.js';
import { asOperation, childPath, isIterator, MAX_WALK_DEPTH, PER_ITEM_ARG, type Operation } from './rule-shape.js';
import { argKind, SIGNATURES, type ArgKind, type Coarse } from './signatures.js';
import {
  childShape, itemsOf, joinTypes, knownKeys, open, schemaShape, typeOfShape, unionShapes,
  type JsonSchemaObject, type Shape,
} from './schema-shape.js';
import { suggestName } from './suggest.js';
import { varRefs, type VarRef } from './var-refs.js';
import { staticProblems } from './problems.js';

export interface SchemaCheckOptions {
  /** the rule runs with the reserved context keys ($now, $today, $user…) next to the record's fields */
  readonly context?: boolean;
}

/** The reserved context keys of entity rules (docs/formats.md, "Rule data"). */
const CONTEXT_SCHEMA: JsonSchemaObject = {
  type: 'object',
  properties: {
    $now: { type: 'string', format: 'date-time' },
    $today: { type: 'string', format: 'date' },
    $user: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
        partnerOrg: { type: ['string', 'null'] },
      },
    },
  },
};
const CONTEXT_SHAPE = schemaShape(CONTEXT_SCHEMA, CONTEXT_SCHEMA);

interface Scope {
  readonly shape: Shape;
  /** the rule's own data, not an iterator's item: only there do context keys exist */
  readonly root: boolean;
}

/** Looks like an ISO date or date-time, so a literal such as "2026-03-31" is typed as a date. */
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-][\d:]+)?)?$/;

function literalShape(value: JsonValue): Shape {
  if (typeof value === 'string') {
    if (DATE_TEXT.test(value)) return open('date');
    return { kind: 'open', type: 'string', text: value.trim() !== '' && Number.isFinite(Number(value)) ? 'numeric' : 'other' };
  }
  if (value === null) return open('null');
  return open(typeof value === 'object' ? 'object' : (typeof value as 'number' | 'boolean'));
}

/** Types an argument of each kind can never usefully be (null is allowed: json-logic-js reads a missing field as null). */
const REJECTED: Readonly<Record<Exclude<ArgKind, 'any'>, ReadonlySet<Coarse>>> = {
  number: new Set<Coarse>(['date', 'boolean', 'array', 'object']),
  date: new Set<Coarse>(['number', 'boolean', 'array', 'object']),
  array: new Set<Coarse>(['number', 'string', 'date', 'boolean', 'object']),
  seq: new Set<Coarse>(['number', 'boolean', 'object']),
};

function fitsKind(kind: ArgKind, shape: Shape): boolean {
  if (kind === 'any') return true;
  // a literal text that is no number ("abc" in "+") or no date ("soon" in "year") is as wrong as a boolean
  const text = shape.kind === 'open' ? shape.text : undefined;
  const badText = (kind === 'number' && text === 'other') || (kind === 'date' && text !== undefined);
  return !REJECTED[kind].has(typeOfShape(shape)) && !badText;
}

const COMPARISONS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=']);

/**
 * Whether json-logic-js compares two values meaningfully. Unknown (`any`) and null never mismatch;
 * dates are texts; a number and a numeric text literal are comparable with == and ordering (json-logic-js
 * converts the text), but never with === / !==, where they are always unequal.
 */
function comparable(a: Shape, b: Shape, strict: boolean): boolean {
  const classOf = (t: Coarse) => (t === 'date' ? 'string' : t);
  const ta = classOf(typeOfShape(a));
  const tb = classOf(typeOfShape(b));
  if (ta === 'any' || tb === 'any' || ta === 'null' || tb === 'null' || ta === tb) return true;
  const numericText = (s: Shape) => s.kind === 'open' && s.text === 'numeric';
  return !strict && ((ta === 'number' && numericText(b)) || (tb === 'number' && numericText(a)));
}

/** The result of `if`/`?:`: its branches (odd positions and a final else; null without an else). */
function branches(args: readonly Shape[]): Shape[] {
  const result = args.filter((_, i) => i % 2 === 1);
  const last = args.at(-1);
  result.push(args.length % 2 === 1 && last !== undefined ? last : open('null'));
  return result;
}

/** tier yields one of its rows' outputs or the default; only literal outputs are typed. */
function tierResult(rows: Rule | undefined, fallback: Shape | undefined): Shape {
  const outputs = Array.isArray(rows) ? rows.map((row) => (Array.isArray(row) && row.length === 3
    && asOperation(row[2] as Rule, '') === null && !Array.isArray(row[2]) ? literalShape(row[2] as JsonValue) : open())) : [open()];
  return open(joinTypes([...outputs, fallback ?? open('null')].map(typeOfShape)));
}

/**
 * Checks a rule against the JSON Schema of the data it reads: every constant field path must exist
 * (RULE_UNKNOWN_VAR with a "did you mean"), computed paths are rejected (RULE_DYNAMIC_VAR), and
 * comparisons and operator arguments of incompatible coarse types are reported (RULE_TYPE_MISMATCH).
 * Inside an iterator the data is the item (reduce: {current, accumulator}). Operators outside our
 * set are left to checkRuleSafety, as is depth: nothing below MAX_WALK_DEPTH is checked. Never throws for bad input.
 */
export function checkRuleAgainstSchema(rule: Rule, schema: JsonSchemaObject, options: SchemaCheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const contextual = options.context === true;

  const lookup = (scope: Scope, segments: readonly string[]): Shape | { at: number; known: string[] } => {
    let shape = scope.shape;
    for (const [i, segment] of segments.entries()) {
      const atContext = i === 0 && scope.root && contextual;
      const parent = atContext && segment.startsWith('$') ? CONTEXT_SHAPE : shape;
      const next = childShape(parent, segment);
      if (next === 'missing') return { at: i, known: atContext ? [...knownKeys(shape), ...knownKeys(CONTEXT_SHAPE)] : knownKeys(parent) };
      shape = next;
    }
    return shape;
  };

  /** The shape a field path reads, or open after reporting it. */
  const resolve = (ref: VarRef, op: string, scope: Scope): Shape => {
    if (ref.kind === 'dynamic') {
      problems.push(staticProblems.dynamicVar(ref.position, op));
      return open();
    }
    const segments = ref.path === '' ? [] : ref.path.split('.');
    const found = lookup(scope, segments);
    if (!('at' in found)) return found;
    const best = suggestName(segments[found.at] as string, found.known);
    let suggestion: string | null = null;
    if (best !== null) {
      const corrected = [...segments.slice(0, found.at), best, ...segments.slice(found.at + 1)];
      // keep the rest of the path only if the corrected path exists as a whole
      suggestion = ('at' in lookup(scope, corrected) ? corrected.slice(0, found.at + 1) : corrected).join('.');
    }
    problems.push(staticProblems.unknownVar(ref.position, ref.path, suggestion));
    return open();
  };

  const infer = (node: Rule, path: string, scope: Scope, depth: number): Shape => {
    if (depth > MAX_WALK_DEPTH) return open();
    if (Array.isArray(node)) {
      return { kind: 'list', items: unionShapes(node.map((item, i) => infer(item, childPath(path, i), scope, depth + 1))) };
    }
    const operation = asOperation(node, path);
    return operation === null ? literalShape(node) : inferOperation(operation, path, scope, depth);
  };

  const inferOperation = (operation: Operation, path: string, scope: Scope, depth: number): Shape => {
    const { op, args, argPaths } = operation;
    const inferArg = (i: number, within: Scope = scope) => infer(args[i] as Rule, argPaths[i] as string, within, depth + 1);
    if (!isOperator(op)) {
      args.forEach((_, i) => inferArg(i));
      return open();
    }
    const signature = SIGNATURES[op];
    const shapes: Shape[] = [];
    args.forEach((_, i) => {
      if (!isIterator(op) || i !== PER_ITEM_ARG) {
        shapes.push(inferArg(i));
        return;
      }
      const items = itemsOf(shapes[0] ?? open());
      const record: Shape = { kind: 'record', props: { current: items, accumulator: open() } };
      shapes.push(inferArg(i, { shape: op === 'reduce' ? record : items, root: false }));
    });
    shapes.forEach((shape, i) => {
      const kind = argKind(signature, i);
      if (kind !== 'any' && !fitsKind(kind, shape)) problems.push(staticProblems.wrongArgType(argPaths[i] as string, op, kind, typeOfShape(shape)));
    });
    if (COMPARISONS.has(op)) {
      const strict = op === '===' || op === '!==';
      const pair = shapes.findIndex((shape, i) => i > 0 && !comparable(shapes[i - 1] as Shape, shape, strict));
      if (pair > 0) problems.push(staticProblems.incomparable(path, op, typeOfShape(shapes[pair - 1] as Shape), typeOfShape(shapes[pair] as Shape)));
    }
    const itemData: Scope = { shape: itemsOf(shapes[0] ?? open()), root: false };
    const read = varRefs(operation, path).map((ref) => resolve(ref, op, ref.kind === 'constant' && ref.item ? itemData : scope));

    switch (op) {
      case 'var': return unionShapes([read[0] ?? open(), ...shapes.slice(1)]);
      case 'if':
      case '?:': return unionShapes(branches(shapes));
      case 'and':
      case 'or': return unionShapes(shapes);
      case 'map': return { kind: 'list', items: shapes[1] ?? open() };
      case 'filter': return typeOfShape(shapes[0] ?? open()) === 'array' ? shapes[0] as Shape : { kind: 'list', items: open() };
      case 'reduce': return unionShapes([shapes[2] ?? open('null'), shapes[1] ?? open()]);
      case 'merge': return {
        kind: 'list',
        // merge flattens one level: arrays contribute their items, anything else itself
        items: unionShapes(shapes.map((s) => (typeOfShape(s) === 'array' ? itemsOf(s) : typeOfShape(s) === 'any' ? open() : s))),
      };
      case 'tier': return tierResult(args[1], shapes[2]);
      default: return open(signature.result === 'special' ? 'any' : signature.result);
    }
  };

  infer(rule, '', { shape: schemaShape(schema, schema), root: true }, 1);
  return problems;
}
