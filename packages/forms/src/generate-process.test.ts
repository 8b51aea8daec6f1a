import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePlan } from './compile-plan.js';
import { copierSource } from './generate-copy.js';
import { generateProcess, processSource } from './generate-process.js';
import { defaultFormDeps } from './defaults.js';
import { buildFormRuntime } from './runtime.js';
import {
  HOSTILE_KEYS, differingOutcomes, mutateSubmission, onboardingContext, onboardingDefinition, outcomeText, seededRandom,
  smallEntity, validOnboardingSubmission,
} from './testing/index.js';
import type { FormContext } from './types.js';

const contexts: readonly FormContext[] = [
  onboardingContext,
  { now: '2027-01-01T00:00:00Z' },
  { ...onboardingContext, previous: { country: 'HK', appliedOn: '2026-01-02', showcaseStore: true, creditLimit: 5, contact: { email: 'a@b.cn' } } },
];

function submissions(base: Record<string, unknown>, seed: number, count: number, choices: readonly unknown[]): unknown[] {
  const random = seededRandom(seed);
  return [base, ...Array.from({ length: count }, () => mutateSubmission(base, random, choices))];
}

const PARTNER_KINDS = ['distributor', 'retailer', 'independent_rep', 'branch_office', 'internal_sales'];

describe('generated code and the interpreter give identical outcomes', () => {
  it('on random variations of the onboarding application', () => {
    const cases = submissions(validOnboardingSubmission(), 20261203, 1500, PARTNER_KINDS);
    expect(differingOutcomes(onboardingDefinition, cases, contexts)).toEqual([]);
    // the variations reach every part of the runtime: valid records, each kind of problem
    const runtime = buildFormRuntime(onboardingDefinition, defaultFormDeps());
    const codes = new Set(cases.flatMap((s) => {
      const result = runtime.process(s, onboardingContext);
      return result.ok ? ['ok'] : result.errors.map((e) => e.code);
    }));
    for (const code of ['ok', 'FORM_REQUIRED', 'FORM_VALIDATION', 'FORM_RULE_FAILED', 'FORM_FORBIDDEN_KEY', 'FORM_RESERVED_KEY', 'FORM_NOT_JSON']) {
      expect(codes).toContain(code);
    }
  });

  // Every field name below must reach generated code as an inert string literal.
  const hostile = (extraRule: object | null) =>
    smallEntity({
      schema: {
        type: 'object',
        properties: {
          'a"b': { type: 'string' },
          '</script>': { type: 'string', default: 'x' },
          'back\\slash': { type: 'number' },
          'line\u2028sep': { type: 'string' },
          "it's": { type: 'string' },
          toString: { type: 'string' },
          ['__proto__']: { type: 'string' },
          $x: { type: 'string' },
          nested: {
            type: 'object',
            properties: { '</script>': { type: 'string' }, $inner: { type: 'number' }, total: { type: 'number' } },
            required: ['$inner'],
          },
        },
        required: ['a"b', '</script>'],
      },
      fields: { 'a"b': { label: { 'zh-CN': '引"号', en: 'Quote"' } } },
      rules: {
        defaults: { "it's": { value: 'default' }, 'line\u2028sep': { rule: { cat: [{ var: '$today' }, { var: 'a"b' }] } } },
        visibility: {
          '</script>': { '==': [{ var: 'a"b' }, 'show'] },
          'nested.$inner': { '!': { var: "it's" } },
        },
        requiredWhen: { 'back\\slash': { '==': [{ var: 'a"b' }, 'show'] }, 'nested.</script>': { var: 'toString' } },
        computed: { 'nested.total': { '+': [{ var: 'back\\slash' }, 1] } },
        validations: [
          {
            id: 'q"</script>',
            path: 'back\\slash',
            // reads of inherited names never reach the prototype, in the scope or the rule
            rule: extraRule ?? {
              and: [{ '==': [{ var: '__proto__' }, null] }, { '==': [{ var: 'constructor' }, null] }, { '<': [{ var: 'back\\slash' }, 100] }],
            },
            message: { 'zh-CN': '太大</script>', en: 'too "big"' },
          },
        ],
      },
    });

  const hostileBase = { 'a"b': 'show', '</script>': 'v', 'back\\slash': 5, toString: 'yes', nested: { $inner: 1 } };
  const hostileChoices = ['show', 'hide', 150, 5];

  it('on a definition whose field names are hostile to code generation', () => {
    const cases = submissions(hostileBase, 7, 1500, hostileChoices);
    expect(differingOutcomes(hostile(null), cases, contexts)).toEqual([]);
  });

  it('when no rule reads an inherited name', () => {
    const cases = submissions(hostileBase, 10, 800, hostileChoices);
    expect(differingOutcomes(hostile({ '<': [{ var: 'back\\slash' }, 100] }), cases, contexts)).toEqual([]);
  });

  it('when a rule reads the whole data, so the scope holds every field and context key', () => {
    const cases = submissions(hostileBase, 8, 800, hostileChoices);
    const readsAll = { '!==': [{ var: '' }, null] };
    expect(differingOutcomes(hostile(readsAll), cases, contexts)).toEqual([]);
  });

  it('when a rule is used again after a field it reads was dropped', () => {
    // the visibility rule reads its own field; once hidden the field is gone, and the same rule
    // used as a validation must see that (a reused result would fail the validation)
    const rule = { '!=': [{ var: 'code' }, 'hide'] };
    const definition = smallEntity({
      schema: { type: 'object', properties: { code: { type: 'string' }, other: { type: 'string' } } },
      rules: {
        visibility: { code: rule },
        requiredWhen: { other: rule },
        validations: [{ id: 'v', path: 'other', rule, message: { 'zh-CN': '无效', en: 'invalid' } }],
      },
    });
    const runtime = buildFormRuntime(definition, defaultFormDeps());
    expect(runtime.process({ code: 'hide' }, onboardingContext)).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'FORM_REQUIRED', path: 'other' })] });
    const cases = submissions({ code: 'hide', other: 'x' }, 9, 300, ['hide', 'show']);
    expect(differingOutcomes(definition, cases, contexts)).toEqual([]);
  });

  it('when rules reading the context also read fields that earlier steps computed, defaulted or dropped', () => {
    // rules reading no context key run on the record itself; the others on an object built at
    // their call: both must see every write and drop before them, as the one scope does
    const definition = smallEntity({
      schema: {
        type: 'object',
        properties: {
          a: { type: 'number' }, b: { type: 'number' }, total: { type: 'number' }, start: { type: 'string' },
          note: { type: 'string' }, owner: { type: 'object', properties: { id: { type: 'string' }, since: { type: 'string' } } },
        },
      },
      rules: {
        defaults: { start: { rule: { var: '$today' } }, 'owner.id': { rule: { var: '$user.id' } }, 'owner.since': { rule: { var: 'start' } } },
        computed: { total: { if: [{ '!==': [{ var: 'b' }, null] }, { '+': [{ var: 'a' }, { var: 'b' }] }, null] } },
        visibility: {
          b: { '!=': [{ var: 'a' }, 3] },
          note: { or: [{ '<': [{ var: 'total' }, 10] }, { in: ['admin', { var: '$user.roles' }] }] },
        },
        requiredWhen: { note: { and: [{ '>': [{ var: 'total' }, 5] }, { date_before: [{ var: 'start' }, { var: '$now' }] }] } },
        validations: [
          {
            id: 'v', path: 'total',
            rule: { or: [{ '!': { var: 'total' } }, { '<': [{ var: 'total' }, { date_diff: [{ var: 'start' }, { var: '$today' }, 'days'] }] }] },
            message: { 'zh-CN': '无效', en: 'invalid' },
          },
        ],
      },
    });
    const withAdmin: FormContext = { now: '2027-06-01T08:00:00Z', user: { id: 'u1', roles: ['admin'], partnerOrg: null } };
    const cases = submissions({ a: 1, b: 2, start: '2026-01-01', note: 'n' }, 11, 800, [3, 4, 20, null, '2027-01-01', 'x']);
    expect(differingOutcomes(definition, cases, [...contexts, withAdmin])).toEqual([]);
  });

  it('embeds field names only as escaped string literals', () => {
    const plan = compilePlan(hostile(null), defaultFormDeps());
    const sources = [processSource(plan).source, copierSource(Object.keys(hostileBase))];
    for (const source of sources) {
      expect(source).not.toContain('</script>');
      expect(source).not.toContain('\u2028');
      expect(source).not.toContain('a"b');
      expect(source).toContain(JSON.stringify('a"b').replace('<', '\\u003c'));
    }
    expect(sources[0]).toContain('"\\u003c/script\\u003e"');
  });
});

describe('where code cannot be generated', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('interprets the plan, with the same outcomes', () => {
    const refused = function refused(): never {
      throw new EvalError('Code generation from strings disallowed for this context');
    };
    // compiled before code generation is refused: rules and ajv generate code too (and cache it)
    const deps = defaultFormDeps();
    const plan = compilePlan(onboardingDefinition, deps);
    vi.stubGlobal('Function', refused);
    expect(generateProcess(plan)).toBeNull();
    const fallback = buildFormRuntime(onboardingDefinition, { ...deps, validator: { compile: () => plan.validate } });
    vi.unstubAllGlobals();
    const interpreted = buildFormRuntime(onboardingDefinition, defaultFormDeps(), { generateCode: false });
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const submission = mutateSubmission(validOnboardingSubmission(), random, PARTNER_KINDS);
      expect(outcomeText(fallback.process(submission, onboardingContext))).toBe(outcomeText(interpreted.process(submission, onboardingContext)));
    }
  });

  it('still refuses hostile keys in the submission', () => {
    const runtime = buildFormRuntime(onboardingDefinition, defaultFormDeps());
    for (const key of HOSTILE_KEYS.slice(0, 5)) {
      const submission = JSON.parse(`{${JSON.stringify(key)}: {"polluted": true}}`) as Record<string, unknown>;
      const result = runtime.process({ ...validOnboardingSubmission(), ...submission }, onboardingContext);
      expect(result.ok).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});
