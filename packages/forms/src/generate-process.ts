/**
 * The per-definition code path of `process` (runtime.ts, steps 3–7, after the copy): the plan is
 * turned into one JS function, so a submission runs straight-line code (the hidden flags are local
 * booleans, each rule is called at its own call site, top-level fields are read and written by
 * literal name) instead of walking the plan's arrays. It does exactly what the interpreter in
 * runtime.ts does, in the same order; generate-process.test.ts compares the two on random
 * submissions. Like ajv and the rule compiler, this only helps where code can be generated: when
 * `new Function` is refused (a browser Content-Security-Policy without 'unsafe-eval') or the plan
 * is very large, `generateProcess` returns null and the interpreter runs.
 *
 * Safety: no text from the definition is pasted into code. Property names and strings appear only
 * as JSON string literals (`literal`), everything else (rule functions, paths, labels, messages,
 * default values) is passed in as a constant and named `c0`, `c1`… by its index.
 */
import type { Problem } from '@trellis/errors';
import { cloneJson } from './clone-submission.js';
import { compileFactory, literal } from './codegen-literal.js';
import type { Evaluate, FormPlan } from './compile-plan.js';
import { deleteField, hasParent, setField, type FieldPath, type JsonObject } from './field-path.js';
import { formProblems } from './problems.js';
import { isEmptyValue, ruleScope, todayOf, truthy, userOf } from './rule-scope.js';
import { addVisibleProblems, ruleFailure } from './step-problems.js';
import type { FormContext } from './types.js';

/** Fills in, checks and validates a copied record; every problem found is pushed to `problems`. */
export type ProcessRecord = (record: JsonObject, context: FormContext, problems: Problem[]) => void;

/** Beyond this many steps one function gets too big to be worth compiling; the interpreter runs. */
const MAX_GENERATED_STEPS = 1_000;

/** The values the context keys take in the scope (rule-scope.ts) */
const CONTEXT_VALUES: ReadonlyMap<string, string> = new Map([
  ['$now', 'context.now'],
  ['$today', 'TODAY(context)'],
  ['$user', 'USER(context)'],
]);

/** `mirrored` of the working record in direct mode: no scope mirrors a field. */
const NO_FIELDS: ReadonlySet<string> = new Set();

/** The value of a memo slot holding no result (never a rule result: rules return JSON). */
const UNSET = Object.freeze({ unset: true });

/** What generated code calls for the uncommon cases (deep paths, failures, schema problems). */
const helpers = {
  HAS: Object.prototype.hasOwnProperty,
  ARRAY: Array.isArray,
  HAS_PARENT: hasParent,
  SET: setField,
  DEL: deleteField,
  CLONE: cloneJson,
  SCOPE: ruleScope,
  TODAY: todayOf,
  USER: userOf,
  TRUTHY: truthy,
  EMPTY: isEmptyValue,
  UNSET,
  REQUIRED: formProblems.required,
  INVALID: formProblems.validation,
  FAILED: ruleFailure,
  SCHEMA: addVisibleProblems,
};

const PROLOGUE = `var ${Object.keys(helpers).map((name) => `${name} = H.${name}`).join(', ')};`;

class Emitter {
  readonly lines: string[] = [];
  readonly constants: unknown[] = [];
  private temps = 0;
  /** memo slots by rule function: its last truth-tested result, until a field it reads changes */
  private readonly memo = new Map<unknown, string>();

  /**
   * The rules' reads are known (plan.scopeFields): a rule that reads no context key runs on the
   * record itself, and one that does on a small object of just what it reads, built at its call.
   * There is then no scope to build and mirror on every call (runtime.ts keeps one for all rules:
   * rules cannot tell the difference, as they read nothing else).
   */
  readonly direct: boolean;

  constructor(private readonly plan: FormPlan) {
    this.direct = plan.scopeFields !== null;
  }

  constant(value: unknown): string {
    let i = this.constants.indexOf(value);
    if (i === -1) i = this.constants.push(value) - 1;
    return `c${i}`;
  }

  temp(): string {
    return `t${this.temps++}`;
  }

  temporaries(): string {
    return this.temps === 0 ? '' : `var ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};`;
  }

  emit(line: string): void {
    this.lines.push(line);
  }

  /** The object field values are read from (fieldsOf in field-path.ts). */
  get fields(): string {
    return this.direct ? 'record' : 'scope';
  }

  /** Whether a write to a top-level field goes to the scope too: there is one only when not direct. */
  private get mirrors(): boolean {
    return !this.direct;
  }

  /**
   * The data a rule runs on: the scope, the record (direct, no context key read), or a fresh
   * object holding the context keys and the fields the rule reads, built by the lines emitted here.
   */
  data(evaluate: unknown): string {
    if (!this.direct) return 'scope';
    const reads = this.plan.ruleReads.get(evaluate as Evaluate);
    // not reached (direct means every rule's reads are known), but a full scope is always right
    if (reads === undefined || reads === null) return 'SCOPE(record, context, null)';
    const context = [...reads].flatMap((key) => {
      const value = CONTEXT_VALUES.get(key);
      return value === undefined ? [] : [`${literal(key)}: ${value}`];
    });
    if (context.length === 0) return 'record';
    const data = this.temp();
    this.emit(`${data} = { ${context.join(', ')} };`);
    for (const key of reads) {
      if (CONTEXT_VALUES.has(key)) continue;
      this.emit(`if (HAS.call(record, ${literal(key)})) ${data}[${literal(key)}] = record[${literal(key)}];`);
    }
    return data;
  }

  /**
   * getAt(object, path). A nested path is read segment by segment by literal name, as getAt
   * does (each parent must be a non-array object, only the last key must be its own): getAt's
   * reads by computed name were the slowest reads of the call.
   */
  read(object: string, path: FieldPath): string {
    const key = literal(path.key);
    if (path.segments.length === 1) return `(HAS.call(${object}, ${key}) ? ${object}[${key}] : void 0)`;
    const t = this.temp();
    const parents = path.segments
      .slice(0, -1)
      .map((segment, i) => `(${t} = ${i === 0 ? object : t}[${literal(segment)}]) !== null && typeof ${t} === "object" && !ARRAY(${t})`);
    return `(${parents.join(' && ')} && HAS.call(${t}, ${key}) ? ${t}[${key}] : void 0)`;
  }

  /** setField(working, path, value) */
  write(path: FieldPath, value: string): void {
    this.changed(path);
    if (path.segments.length > 1) {
      this.emit(`SET(W, ${this.constant(path)}, ${value});`);
      return;
    }
    const key = literal(path.key);
    this.emit(`record[${key}] = ${value};`);
    if (this.mirrors) this.emit(`scope[${key}] = ${value};`);
  }

  /** deleteField(working, path) */
  remove(path: FieldPath): void {
    this.changed(path);
    if (path.segments.length > 1) {
      this.emit(`DEL(W, ${this.constant(path)});`);
      return;
    }
    const key = literal(path.key);
    const scope = this.mirrors ? ` delete scope[${key}];` : '';
    this.emit(`if (HAS.call(record, ${key})) { delete record[${key}];${scope} }`);
  }

  /** run(evaluate, scope, path, location, problems) into `target` */
  run(target: string, evaluate: unknown, path: string, location: string): void {
    const data = this.data(evaluate);
    this.emit(
      `try { ${target} = ${this.constant(evaluate)}(${data}); } catch (e) { ${target} = void 0; ` +
        `problems.push(FAILED(${literal(path)}, ${literal(location)}, e)); }`,
    );
  }

  /**
   * truthy(run(...)) where only the truth of the result matters (visibility, required, validations):
   * the same rule function on unchanged data gives the same answer, so its last result is reused.
   * A rule that threw is run again (its failure is reported at each place it is used).
   */
  runForTruth(target: string, evaluate: unknown, path: string, location: string): void {
    let slot = this.memo.get(evaluate);
    if (slot === undefined) {
      slot = `m${this.memo.size}`;
      this.memo.set(evaluate, slot);
    }
    this.emit(`if (${slot} !== UNSET) ${target} = ${slot}; else {`);
    const data = this.data(evaluate);
    this.emit(
      `try { ${target} = ${this.constant(evaluate)}(${data}); ${slot} = ${target}; } catch (e) { ${target} = void 0; ` +
        `problems.push(FAILED(${literal(path)}, ${literal(location)}, e)); }`,
    );
    this.emit('}');
  }

  memoDeclarations(): string {
    return this.memo.size === 0 ? '' : `var ${[...this.memo.values()].map((slot) => `${slot} = UNSET`).join(', ')};`;
  }

  /** A write to the field at `path`: results of rules that read its top-level field are stale. */
  private changed(path: FieldPath): void {
    const top = path.segments[0] as string;
    for (const [evaluate, slot] of this.memo) {
      const reads = this.plan.ruleReads.get(evaluate as Evaluate);
      if (reads === undefined || reads === null || reads.has(top)) this.emit(`${slot} = UNSET;`);
    }
  }

  /** anyHidden(covering, hidden): `h1 || h3`, or null when no visibility rule covers the field */
  hidden(covering: readonly number[]): string | null {
    return covering.length === 0 ? null : covering.map((i) => `h${i}`).join(' || ');
  }

  /** Emits `body` under `if (!(anyHidden))`. */
  unlessHidden(covering: readonly number[], body: () => void): void {
    const test = this.hidden(covering);
    if (test !== null) this.emit(`if (!(${test})) {`);
    body();
    if (test !== null) this.emit('}');
  }
}

function emitDefaults(e: Emitter, plan: FormPlan): void {
  for (const step of plan.defaults) {
    const parent = step.needsParent && step.path.segments.length > 1 ? ` && HAS_PARENT(record, ${e.constant(step.path)})` : '';
    e.emit(`if (${e.read('record', step.path)} === void 0${parent}) {`);
    const v = e.temp();
    e.emit(`${v} = previous === void 0 ? void 0 : ${e.read('previous', step.path)};`);
    e.emit(`if (${v} !== void 0) ${v} = CLONE(${v}); else {`);
    if (step.evaluate === undefined) {
      const value = step.value;
      e.emit(`${v} = ${typeof value === 'object' && value !== null ? `CLONE(${e.constant(value)})` : e.constant(value)};`);
    } else {
      e.run(v, step.evaluate, step.path.path, step.location);
    }
    e.emit('}');
    e.emit(`if (${v} !== void 0 && ${v} !== null) {`);
    e.write(step.path, v);
    e.emit('}');
    e.emit('}');
  }
}

function emitSteps(e: Emitter, plan: FormPlan): void {
  for (const step of plan.steps) {
    e.unlessHidden(step.covering, () => {
      const v = e.temp();
      if (step.kind === 'computed') e.run(v, step.evaluate, step.path.path, step.location);
      else e.runForTruth(v, step.evaluate, step.path.path, step.location);
      if (step.kind === 'computed') {
        e.emit(`if (${v} === void 0 || ${v} === null) {`);
        e.remove(step.path);
        e.emit('} else {');
        e.write(step.path, v);
        e.emit('}');
      } else {
        e.emit(`if (${v} !== void 0 && !TRUTHY(${v})) {`);
        e.emit(`h${step.flag} = true;`);
        e.remove(step.path);
        e.emit('}');
      }
    });
  }
}

function emitRequired(e: Emitter, plan: FormPlan): void {
  for (const check of plan.required) {
    e.unlessHidden(check.covering, () => {
      const push = `problems.push(REQUIRED(${literal(check.path.path)}, ${e.constant(check.label)}));`;
      const empty = `EMPTY(${e.read(e.fields, check.path)})`;
      if (check.evaluate === undefined) {
        e.emit(`if (${empty}) ${push}`);
        return;
      }
      const v = e.temp();
      e.runForTruth(v, check.evaluate, check.path.path, check.location);
      e.emit(`if (TRUTHY(${v}) && ${empty}) ${push}`);
    });
  }
}

function emitSchema(e: Emitter, plan: FormPlan): void {
  const found = e.temp();
  e.emit(`${found} = ${e.constant(plan.validate)}(record);`);
  e.emit(`if (${found}.length !== 0) {`);
  e.emit('var hiddenPaths = [];');
  plan.visibilityPaths.forEach((path, i) => e.emit(`if (h${i}) hiddenPaths.push(${literal(path)});`));
  e.emit(`SCHEMA(${found}, hiddenPaths, problems);`);
  e.emit('}');
}

function emitValidations(e: Emitter, plan: FormPlan): void {
  for (const v of plan.validations) {
    e.unlessHidden(v.covering, () => {
      const result = e.temp();
      e.runForTruth(result, v.evaluate, v.path, v.location);
      e.emit(`if (${result} !== void 0 && !TRUTHY(${result})) problems.push(INVALID(${literal(v.path)}, ${literal(v.id)}, ${e.constant(v.message)}));`);
    });
  }
}

/** The JS source of the function and the constants it refers to (exported for the safety tests). */
export function processSource(plan: FormPlan): { readonly source: string; readonly constants: readonly unknown[] } {
  const e = new Emitter(plan);
  const deep = [...plan.defaults, ...plan.steps].some((s) => s.path.segments.length > 1);
  // otherwise rules run on the record or on objects built at their calls (Emitter.data)
  if (!e.direct) e.emit('var scope = SCOPE(record, context, null);');
  if (deep) {
    // direct: the record is all there is, so the helpers write it alone
    const working = e.direct ? `record, mirrored: ${e.constant(NO_FIELDS)}` : 'scope, mirrored: null';
    e.emit(`var W = { record: record, scope: ${working} };`);
  }
  e.emit('var previous = context.previous;');
  if (plan.visibilityPaths.length > 0) e.emit(`var ${plan.visibilityPaths.map((_, i) => `h${i} = false`).join(', ')};`);
  emitDefaults(e, plan);
  emitSteps(e, plan);
  emitRequired(e, plan);
  emitSchema(e, plan);
  emitValidations(e, plan);
  const body = e.lines;
  const declarations = e.constants.length === 0 ? '' : `var ${e.constants.map((_, i) => `c${i} = C[${i}]`).join(', ')};`;
  const source = [
    '"use strict";',
    PROLOGUE,
    declarations,
    'return function processRecord(record, context, problems) {',
    e.temporaries(),
    e.memoDeclarations(),
    ...body,
    '};',
  ].filter((line) => line !== '').join('\n');
  return { source, constants: e.constants };
}

function stepCount(plan: FormPlan): number {
  return plan.defaults.length + plan.steps.length + plan.required.length + plan.validations.length + plan.visibilityPaths.length;
}

/** The generated function, or null when code cannot be generated here (see the file comment). */
export function generateProcess(plan: FormPlan): ProcessRecord | null {
  if (stepCount(plan) > MAX_GENERATED_STEPS) return null;
  const { source, constants } = processSource(plan);
  const factory = compileFactory<(constants: readonly unknown[], h: typeof helpers) => ProcessRecord>(['C', 'H'], source);
  return factory === null ? null : factory(constants, helpers);
}
