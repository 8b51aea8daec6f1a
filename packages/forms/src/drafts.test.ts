import { describe, expect, it } from 'vitest';
import { defaultFormDeps } from './defaults.js';
import { buildFormRuntime } from './runtime.js';
import { checkFormDefinition } from './check/check-definition.js';
import { differingOutcomes, mutateSubmission, seededRandom, smallEntity } from './testing/index.js';
import type { FormContext, ProcessResult } from './types.js';

const context: FormContext = { now: '2026-12-03T10:00:00Z' };

const application = smallEntity({
  schema: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['draft', 'submitted'] },
      name: { type: 'string', minLength: 2, maxLength: 20 },
      kind: { type: 'string', enum: ['company', 'person'] },
      email: { type: 'string', format: 'email' },
      budget: { type: 'number', minimum: 0 },
      spent: { type: 'number' },
      licence: { $ref: '#/$defs/file' },
      contact: { type: 'object', properties: { phone: { type: 'string' }, city: { type: 'string' } }, required: ['phone', 'city'] },
    },
    $defs: {
      file: { type: 'object', properties: { fileId: { type: 'string' }, fileName: { type: 'string' } }, required: ['fileId', 'fileName'] },
    },
    required: ['status', 'name', 'kind', 'email'],
    additionalProperties: false,
  },
  rules: {
    defaults: { status: { value: 'draft' } },
    requiredWhen: { licence: { '==': [{ var: 'kind' }, 'company'] } },
    validations: [
      { id: 'withinBudget', path: 'spent', rule: { '<=': [{ var: 'spent' }, { var: 'budget' }] }, message: { 'zh-CN': '超出预算', en: 'Over budget' } },
    ],
  },
  drafts: { when: { '==': [{ var: 'status' }, 'draft'] } },
});

const codes = (result: ProcessResult): string[] => (result.ok ? [] : result.errors.map((e) => `${e.code}@${e.path}`).sort());

describe.each([true, false])('drafts (generated code: %s)', (generateCode) => {
  const runtime = buildFormRuntime(application, defaultFormDeps(), { generateCode });

  it('stores an incomplete draft: no required, conditional-required or cross-field checks', () => {
    const result = runtime.process({ kind: 'company', budget: 1, spent: 5 }, context);
    expect(result).toEqual({ ok: true, record: { status: 'draft', kind: 'company', budget: 1, spent: 5 } });
  });

  it('lets a draft leave out nested fields too', () => {
    expect(runtime.process({ contact: { city: 'Wuhan' } }, context).ok).toBe(true);
  });

  // a shared shape (`$defs`, e.g. an attachment) is a value's structure, not a field of the record
  it('still judges the values a draft gives: types, formats, lengths, shared shapes', () => {
    const result = runtime.process({ name: 'x', email: 'not-an-email', budget: -1, licence: { fileId: 'a' }, extra: 1 }, context);
    expect(codes(result)).toEqual([
      'SCHEMA_ADDITIONAL_PROPERTIES@extra', 'SCHEMA_FORMAT@email', 'SCHEMA_MIN_LENGTH@name', 'SCHEMA_MINIMUM@budget', 'SCHEMA_REQUIRED@licence.fileName',
    ].sort());
  });

  it('applies every check once the draft rule no longer holds', () => {
    const result = runtime.process({ status: 'submitted', kind: 'company', budget: 1, spent: 5 }, context);
    expect(codes(result)).toEqual(['FORM_REQUIRED@licence', 'FORM_VALIDATION@spent', 'SCHEMA_REQUIRED@email', 'SCHEMA_REQUIRED@name'].sort());
  });

  it('reads the draft state after defaults: an update keeps the stored status', () => {
    const previous = { status: 'submitted', name: 'Acme', kind: 'person', email: 'a@b.cn' };
    expect(codes(runtime.process({ kind: 'company' }, { ...context, previous }))).toContain('FORM_REQUIRED@licence');
  });
});

describe('drafts in generated code and the interpreter', () => {
  it('give identical outcomes on random variations', () => {
    const base = { status: 'draft', name: 'Acme', kind: 'company', email: 'a@b.cn', budget: 3, spent: 2, licence: { fileId: 'f1', fileName: 'l.pdf' } };
    const random = seededRandom(20261204);
    const choices = ['draft', 'submitted', 'company', 'person', '', null, 7, 'x'];
    const cases = [base, ...Array.from({ length: 600 }, () => mutateSubmission(base, random, choices))];
    expect(differingOutcomes(application, cases, [context, { ...context, previous: { status: 'submitted' } }])).toEqual([]);
  });
});

describe('checking a definition with drafts', () => {
  it('reports a draft rule that does not compile, at drafts.when', () => {
    const broken = { ...application, drafts: { when: { no_such_operator: [1] } } };
    const problems = checkFormDefinition(broken as typeof application);
    expect(problems.map((p) => p.path)).toContainEqual(expect.stringMatching(/^drafts\.when/));
  });
});
