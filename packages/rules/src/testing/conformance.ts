import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { isTrellisError } from '@trellis/errors';
import type { JsonValue, Rule } from '../types.js';
import { loadPristineJsonLogic } from './pristine-json-logic.js';

/**
 * The JSON Logic community suites (test-data/conformance, a copy of the workplace's shared/conformance; see its README) and what
 * json-logic-js 2.0.5 itself does with each case. Node only; used by evaluator tests.
 */
export const CONFORMANCE_DIR = fileURLToPath(new URL('../../test-data/conformance/', import.meta.url));

export interface ConformanceCase {
  readonly file: string;
  /** position in the file's array (headings count), as in json-logic-js-2.0.5-agrees.json */
  readonly index: number;
  readonly description: string;
  readonly rule: Rule;
  readonly data: JsonValue | undefined;
  /** the suite's expected result, when it expects one rather than an error */
  readonly suiteResult?: JsonValue;
}

/** What pristine json-logic-js 2.0.5 does with a case. */
export type PristineOutcome =
  | { readonly kind: 'value'; readonly value: JsonValue }
  | { readonly kind: 'non-json'; readonly value: unknown }
  | { readonly kind: 'threw'; readonly message: string }
  | { readonly kind: 'unknown-operator'; readonly message: string };

export interface ClassifiedCase extends ConformanceCase {
  readonly pristine: PristineOutcome;
}

export type Evaluator = (rule: Rule, data: JsonValue | undefined) => JsonValue;

export interface ConformanceFailure {
  readonly file: string;
  readonly index: number;
  readonly description: string;
  readonly rule: Rule;
  readonly data: JsonValue | undefined;
  readonly expected: string;
  readonly actual: string;
}

export interface ConformanceReport {
  readonly counts: { readonly known: number; readonly unknown: number; readonly nonJson: number; readonly threw: number };
  readonly failures: readonly ConformanceFailure[];
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

export function loadConformanceCases(dir: string = CONFORMANCE_DIR): ConformanceCase[] {
  const files = readJson(`${dir}json-logic/index.json`) as string[];
  return files.flatMap((file) =>
    (readJson(`${dir}json-logic/${file}`) as unknown[]).flatMap((entry, index): ConformanceCase[] => {
      if (typeof entry === 'string') return []; // a section heading
      const c = entry as { description: string; rule: Rule; data?: JsonValue; result?: JsonValue };
      const base = { file, index, description: c.description, rule: c.rule, data: c.data };
      return ['result' in c ? { ...base, suiteResult: c.result as JsonValue } : base];
    }),
  );
}

/** Anything JSON.stringify would drop or change: NaN, ±Infinity, undefined, functions. */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object') return Object.values(value).every(isJson);
  return false;
}

/** Fresh copies per evaluation, so no evaluator can see another's mutations. */
function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

export function classifyConformanceCases(cases: readonly ConformanceCase[] = loadConformanceCases()): ClassifiedCase[] {
  const pristine = loadPristineJsonLogic();
  return cases.map((c) => {
    let outcome: PristineOutcome;
    try {
      const value = pristine.apply(copy(c.rule), copy(c.data));
      outcome = isJson(value) ? { kind: 'value', value: value as JsonValue } : { kind: 'non-json', value };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = message.startsWith('Unrecognized operation') ? { kind: 'unknown-operator', message } : { kind: 'threw', message };
    }
    return { ...c, pristine: outcome };
  });
}

function asJson(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** Equal as JSON values: what a caller that stores or sends the results would see (so -0 equals 0). */
function sameJson(a: unknown, b: unknown): boolean {
  return isJson(a) && isJson(b) && isDeepStrictEqual(JSON.parse(asJson(a)), JSON.parse(asJson(b)));
}

function describeThrow(error: unknown): string {
  return isTrellisError(error) ? `throws ${error.code}` : `throws a non-Trellis error: ${String(error)}`;
}

/** What the evaluator must do: return the pristine value, or throw this code ('*' = any TrellisError). */
function expectation(outcome: PristineOutcome): { readonly value: JsonValue } | { readonly code: string } {
  switch (outcome.kind) {
    case 'value': return { value: outcome.value };
    case 'non-json': return { code: 'RULE_NON_JSON_RESULT' };
    case 'unknown-operator': return { code: 'RULE_UNKNOWN_OPERATOR' };
    case 'threw': return { code: '*' };
  }
}

function check(evaluate: Evaluator, c: ClassifiedCase): ConformanceFailure | null {
  const wanted = expectation(c.pristine);
  let actual: string;
  try {
    const value = evaluate(copy(c.rule), copy(c.data));
    if ('value' in wanted && sameJson(value, wanted.value)) return null;
    actual = `returns ${asJson(value)}`;
  } catch (error) {
    if (isTrellisError(error) && 'code' in wanted && (wanted.code === '*' || error.code === wanted.code)) return null;
    actual = describeThrow(error);
  }
  const expected = 'value' in wanted ? `returns ${asJson(wanted.value)}` : `throws ${wanted.code === '*' ? 'a TrellisError' : wanted.code}`;
  return { file: c.file, index: c.index, description: c.description, rule: c.rule, data: c.data, expected, actual };
}

/**
 * Runs an evaluator over every case: it must return exactly what json-logic-js 2.0.5 returns where that
 * is JSON, throw RULE_NON_JSON_RESULT where json-logic-js yields NaN/Infinity/undefined, throw a
 * TrellisError where json-logic-js throws, and RULE_UNKNOWN_OPERATOR where it does not know the operator.
 */
export function runConformance(evaluate: Evaluator, cases: readonly ClassifiedCase[] = classifyConformanceCases()): ConformanceReport {
  const count = (kind: PristineOutcome['kind']) => cases.filter((c) => c.pristine.kind === kind).length;
  return {
    counts: {
      known: cases.length - count('unknown-operator'),
      unknown: count('unknown-operator'),
      nonJson: count('non-json'),
      threw: count('threw'),
    },
    failures: cases.flatMap((c) => check(evaluate, c) ?? []),
  };
}

/**
 * Cases listed in json-logic-js-2.0.5-agrees.json where pristine json-logic-js does not do what the suite
 * says: return its result, or throw where the suite expects an error.
 */
export function checkPristineAgreement(
  cases: readonly ClassifiedCase[] = classifyConformanceCases(),
  dir: string = CONFORMANCE_DIR,
): { readonly listed: number; readonly disagreeing: readonly ClassifiedCase[] } {
  const agrees = readJson(`${dir}json-logic-js-2.0.5-agrees.json`) as Record<string, number[]>;
  const listed = Object.entries(agrees).flatMap(([file, indexes]) =>
    indexes.map((index) => {
      const found = cases.find((c) => c.file === file && c.index === index);
      if (found === undefined) throw new Error(`The agreement list names ${file}[${index}], which is not a case`);
      return found;
    }),
  );
  const disagreeing = listed.filter((c) => !('suiteResult' in c)
    ? c.pristine.kind !== 'threw' && c.pristine.kind !== 'unknown-operator'
    : c.pristine.kind !== 'value' || !sameJson(c.pristine.value, c.suiteResult));
  return { listed: listed.length, disagreeing };
}
