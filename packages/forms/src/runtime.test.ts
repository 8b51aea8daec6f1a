import { isTrellisError, type Problem } from '@trellis/errors';
import { describe, expect, it } from 'vitest';
import { createFormRuntime } from './defaults.js';
import { changed, onboardingContext, onboardingDefinition, smallEntity, validOnboardingSubmission } from './testing/index.js';
import type { FormContext, ProcessResult } from './types.js';

const runtime = createFormRuntime(onboardingDefinition);

function errorsOf(result: ProcessResult): readonly Problem[] {
  if (result.ok) throw new Error(`expected errors, got the record ${JSON.stringify(result.record)}`);
  return result.errors;
}

function recordOf(result: ProcessResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected a record, got ${JSON.stringify(result.errors, null, 2)}`);
  return result.record;
}

const codesAt = (errors: readonly Problem[]) => errors.map((e) => `${e.code}@${e.path}`).sort();

describe('process: a valid onboarding application', () => {
  it('applies defaults, computes fields and returns the cleaned record', () => {
    const submission = validOnboardingSubmission();
    const record = recordOf(runtime.process(submission, onboardingContext));
    expect(record).toEqual({
      ...validOnboardingSubmission(),
      country: 'CN',
      appliedOn: '2026-03-15',
      creditLimitWan: 125,
    });
    // the context keys rules read are not part of the record, and the caller's object is untouched
    expect(Object.keys(record).filter((k) => k.startsWith('$'))).toEqual([]);
    expect(submission).toEqual(validOnboardingSubmission());
    expect(record.contact).not.toBe(submission.contact);
  });

  it('keeps submitted values over defaults, and replaces submitted computed values', () => {
    const record = recordOf(
      runtime.process({ ...validOnboardingSubmission(), country: 'HK', appliedOn: '2026-03-01', creditLimitWan: 999 }, onboardingContext),
    );
    expect(record).toMatchObject({ country: 'HK', appliedOn: '2026-03-01', creditLimitWan: 125 });
  });

  it('computes with decimal-exact arithmetic', () => {
    const record = recordOf(runtime.process({ ...validOnboardingSubmission(), creditLimit: 3 }, onboardingContext));
    expect(record.creditLimitWan).toBe(0.0003);
  });

  it('applies JSON Schema defaults to absent fields', () => {
    const { showcaseStore: _, ...withoutStore } = validOnboardingSubmission();
    expect(recordOf(runtime.process(withoutStore, onboardingContext)).showcaseStore).toBe(false);
  });

  it('treats properties whose value is undefined as absent, as JSON would', () => {
    const record = recordOf(runtime.process({ ...validOnboardingSubmission(), notes: undefined }, onboardingContext));
    expect(record).not.toHaveProperty('notes');
  });
});

describe('process: visibility', () => {
  const retailer = (): Record<string, unknown> => {
    const { creditLimit: _, ...rest } = validOnboardingSubmission();
    return { ...rest, partnerKind: 'retailer', contact: { name: '李娜', phone: '13900000000' } };
  };

  it('drops the values of hidden fields, computed ones included', () => {
    const record = recordOf(runtime.process({ ...retailer(), creditLimit: 500_000, creditLimitWan: 50 }, onboardingContext));
    expect(record).not.toHaveProperty('creditLimit');
    expect(record).not.toHaveProperty('creditLimitWan');
    expect(record.showcaseStore).toBe(true);
  });

  it('does not require hidden fields, even those the schema lists as required', () => {
    const { businessLicenseFile: _, showcaseStore: __, ...internal } = retailer();
    const record = recordOf(
      runtime.process({ ...internal, partnerKind: 'internal_sales', businessLicenseFile: 'x.pdf' }, onboardingContext),
    );
    expect(record).not.toHaveProperty('businessLicenseFile');
    // the schema default applies, then visibility drops it
    expect(record).not.toHaveProperty('showcaseStore');
    expect(recordOf(runtime.process({ ...internal, partnerKind: 'branch_office' }, onboardingContext)).partnerKind).toBe('branch_office');
  });

  it('requires a schema-required field when its visibility rule shows it', () => {
    const { businessLicenseFile: _, ...noLicence } = retailer();
    const [error] = errorsOf(runtime.process(noLicence, onboardingContext));
    expect(error).toEqual({
      code: 'FORM_REQUIRED',
      path: 'businessLicenseFile',
      message: { en: 'Business licence is required', 'zh-CN': '营业执照为必填项' },
    });
  });
});

describe('process: conditional required', () => {
  it('requires fields whose requiredWhen rule holds, nested paths included, in both languages', () => {
    const { creditLimit: _, ...submission } = validOnboardingSubmission();
    const errors = errorsOf(runtime.process({ ...submission, contact: { name: '王磊', phone: '13812345678' } }, onboardingContext));
    expect(errors).toEqual([
      {
        code: 'FORM_REQUIRED',
        path: 'creditLimit',
        message: { en: 'Credit limit (CNY) is required', 'zh-CN': '信用额度（元）为必填项' },
      },
      {
        code: 'FORM_REQUIRED',
        path: 'contact.email',
        message: { en: 'Contact email is required', 'zh-CN': '联系邮箱为必填项' },
      },
    ]);
  });

  it('counts empty strings and empty lists as missing, and falls back to the path without a label', () => {
    const definition = smallEntity({
      schema: { type: 'object', properties: { kind: { type: 'string' }, tags: { type: 'array' }, code: { type: 'string' } } },
      rules: { requiredWhen: { tags: { '==': [{ var: 'kind' }, 'a'] }, code: { '==': [{ var: 'kind' }, 'a'] } } },
    });
    const errors = errorsOf(createFormRuntime(definition).process({ kind: 'a', tags: [], code: '' }, onboardingContext));
    expect(errors.map((e) => [e.code, e.path, e.message.en])).toEqual([
      ['FORM_REQUIRED', 'tags', 'tags is required'],
      ['FORM_REQUIRED', 'code', 'code is required'],
    ]);
    expect(createFormRuntime(definition).process({ kind: 'b', tags: [], code: '' }, onboardingContext).ok).toBe(true);
  });
});

describe('process: errors', () => {
  it('maps JSON Schema errors to field paths', () => {
    const submission = { ...validOnboardingSubmission(), creditCode: 'not-a-code', contact: { name: '王磊', phone: '12', email: 'x@example.com' } };
    const errors = errorsOf(runtime.process(submission, onboardingContext));
    expect(errors.map((e) => e.path).sort()).toEqual(['contact.phone', 'creditCode']);
    for (const e of errors) {
      expect(e.code).toMatch(/^[A-Z_]+$/);
      expect(e.message.en).not.toBe('');
      expect(e.message['zh-CN']).not.toBe('');
    }
  });

  it('names fields by their labels and says a value is not in the format, without quoting the pattern at people', () => {
    const errors = errorsOf(runtime.process({ ...validOnboardingSubmission(), creditCode: 'not-a-code' }, onboardingContext));
    const credit = errors.find((e) => e.path === 'creditCode');
    expect(credit?.code).toBe('SCHEMA_PATTERN');
    expect(credit?.message).toEqual({ en: '“Unified social credit code” is not in the expected format.', 'zh-CN': '“统一社会信用代码”格式不正确。' });
    // the pattern is still there for programs reading the problem
    expect(credit?.details).toMatchObject({ pattern: expect.stringContaining('0-9A-HJ') as unknown });
  });

  it('passes null values on to the schema instead of treating them as absent', () => {
    const errors = errorsOf(runtime.process({ ...validOnboardingSubmission(), notes: null }, onboardingContext));
    expect(errors.map((e) => [e.code, e.path])).toEqual([['SCHEMA_TYPE', 'notes']]);
  });

  it('reports a failed cross-field validation with the definition message at its path', () => {
    const errors = errorsOf(runtime.process({ ...validOnboardingSubmission(), contractEnd: '2026-03-31' }, onboardingContext));
    expect(errors).toEqual([
      {
        code: 'FORM_VALIDATION',
        path: 'contractEnd',
        message: { 'zh-CN': '合同结束日期必须晚于开始日期', en: 'The contract must end after it starts' },
        details: { validation: 'contract_end_after_start' },
      },
    ]);
  });

  it('returns every error at once', () => {
    const { companyName: _, creditLimit: __, ...submission } = validOnboardingSubmission();
    const errors = errorsOf(
      runtime.process({ ...submission, region: 'mars', contractEnd: '2026-01-01', extra: 1 }, onboardingContext),
    );
    const codes = codesAt(errors);
    expect(codes).toContain('FORM_REQUIRED@creditLimit');
    expect(codes).toContain('FORM_VALIDATION@contractEnd');
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['companyName', 'region']));
    expect(errors.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses non-object submissions', () => {
    for (const submission of [null, [], 'x', 3, new Date(0)]) {
      expect(errorsOf(runtime.process(submission, onboardingContext))).toEqual([
        expect.objectContaining({ code: 'FORM_NOT_AN_OBJECT', path: '' }),
      ]);
    }
  });

  it('refuses __proto__ and constructor keys at any depth without polluting prototypes', () => {
    const submission: unknown = JSON.parse(
      '{"companyName":"x","__proto__":{"polluted":true},"contact":{"name":"a","constructor":{"prototype":{"polluted":true}}},"tags":[{"__proto__":{}}]}',
    );
    const errors = errorsOf(runtime.process(submission, onboardingContext));
    expect(errors.filter((e) => e.code === 'FORM_FORBIDDEN_KEY').map((e) => e.path)).toEqual([
      '__proto__',
      'contact.constructor',
      'tags.0.__proto__',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses submitted context keys and values JSON cannot carry', () => {
    const errors = errorsOf(
      runtime.process({ ...validOnboardingSubmission(), $user: { roles: ['admin'] }, notes: Number.NaN, contact: new Map() }, onboardingContext),
    );
    expect(codesAt(errors)).toEqual(
      expect.arrayContaining(['FORM_RESERVED_KEY@$user', 'FORM_NOT_JSON@notes', 'FORM_NOT_JSON@contact']),
    );
  });

  it('reports a rule that fails to evaluate at its field', () => {
    const definition = smallEntity({
      schema: { type: 'object', properties: { total: { type: 'number' }, count: { type: 'number' }, average: { type: 'number' } } },
      rules: { computed: { average: { dec_div: [{ var: 'total' }, { var: 'count' }] } } },
    });
    const form = createFormRuntime(definition);
    expect(recordOf(form.process({ total: 10, count: 4 }, onboardingContext)).average).toBe(2.5);
    const [error] = errorsOf(form.process({ total: 10, count: 0 }, onboardingContext));
    expect(error).toMatchObject({ code: 'FORM_RULE_FAILED', path: 'average', details: { rule: 'rules.computed.average' } });
    expect(error?.message.en).toContain('rules.computed.average');
  });

  it('throws a typed error when the context has no valid now', () => {
    const bad = { now: 'yesterday' } as FormContext;
    expect(() => runtime.process(validOnboardingSubmission(), bad)).toThrowError(
      expect.objectContaining({ code: 'FORM_BAD_CONTEXT' }),
    );
    expect(() => runtime.process(validOnboardingSubmission(), { now: '2026-03-01T16:30:00.000Z', today: '2.3.2026' })).toThrowError(
      expect.objectContaining({ code: 'FORM_BAD_CONTEXT' }),
    );
  });

  it("takes $today from the caller's calendar when given: 16:30 UTC is already the next day in Beijing", () => {
    const form = createFormRuntime(smallEntity({
      schema: { type: 'object', properties: { day: { type: 'string' } } },
      rules: { computed: { day: { var: '$today' } } },
    }));
    const now = '2026-03-01T16:30:00.000Z';
    expect(recordOf(form.process({}, { now })).day).toBe('2026-03-01');
    expect(recordOf(form.process({}, { now, today: '2026-03-02' })).day).toBe('2026-03-02');
  });
});

describe('process: rule data and context', () => {
  const definition = smallEntity({
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { internalNote: { type: 'string' }, submittedBy: { type: 'string' }, org: { type: ['string', 'null'] }, at: { type: 'string' } },
    },
    rules: {
      visibility: { internalNote: { in: ['admin', { var: '$user.roles' }] } },
      computed: { submittedBy: { var: '$user.id' }, org: { var: '$user.partnerOrg' }, at: { var: '$now' } },
    },
  });
  const form = createFormRuntime(definition);

  it('gives rules the user and the time of the context', () => {
    const admin = { now: '2026-01-02T03:04:05Z', user: { id: 'u1', roles: ['admin'], partnerOrg: 'p9' } };
    expect(recordOf(form.process({ internalNote: 'ok' }, admin))).toEqual({
      internalNote: 'ok',
      submittedBy: 'u1',
      org: 'p9',
      at: '2026-01-02T03:04:05Z',
    });
    const partner = { now: '2026-01-02T03:04:05Z', user: { id: 'u2', roles: ['partner'] } };
    expect(recordOf(form.process({ internalNote: 'sneaky' }, partner))).toEqual({ submittedBy: 'u2', at: '2026-01-02T03:04:05Z' });
  });

  it('keeps the previous value of a defaulted field on update instead of the default', () => {
    const previous = recordOf(runtime.process(validOnboardingSubmission(), onboardingContext));
    const later: FormContext = { ...onboardingContext, now: '2026-06-30T10:00:00+08:00', previous };
    const { appliedOn: _, ...update }: Record<string, unknown> = { ...previous, notes: '更新' };
    expect(recordOf(runtime.process(update, later))).toMatchObject({ appliedOn: '2026-03-15', notes: '更新' });
    expect(recordOf(runtime.process(update, { ...later, previous: undefined })).appliedOn).toBe('2026-06-30');
  });
});

describe('process: nested paths and evaluation order', () => {
  it('applies defaults, computed values and visibility at nested paths', () => {
    const definition = smallEntity({
      schema: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          address: {
            type: 'object',
            properties: { city: { type: 'string' }, zip: { type: 'string' }, label: { type: 'string' }, country: { type: 'string', default: 'CN' } },
            required: ['zip'],
          },
        },
      },
      rules: {
        defaults: { 'address.city': { value: '上海' } },
        computed: { 'address.label': { cat: [{ var: 'address.city' }, ' ', { var: 'address.zip' }] } },
        visibility: { 'address.zip': { '==': [{ var: 'kind' }, 'domestic'] } },
      },
    });
    const form = createFormRuntime(definition);
    expect(recordOf(form.process({ kind: 'domestic', address: { zip: '200000' } }, onboardingContext))).toEqual({
      kind: 'domestic',
      address: { city: '上海', zip: '200000', label: '上海 200000', country: 'CN' },
    });
    // hidden zip: dropped before the label is computed, and no longer required by the schema
    expect(recordOf(form.process({ kind: 'foreign', address: { zip: '10115' } }, onboardingContext))).toEqual({
      kind: 'foreign',
      address: { city: '上海', label: '上海 ', country: 'CN' },
    });
    expect(errorsOf(form.process({ kind: 'domestic', address: {} }, onboardingContext))).toEqual([
      expect.objectContaining({ code: 'FORM_REQUIRED', path: 'address.zip' }),
    ]);
  });

  it('orders computed fields by what they read, whatever their order in the definition', () => {
    const definition = smallEntity({
      schema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' }, c: { type: 'number' } } },
      rules: { computed: { c: { '+': [{ var: 'b' }, 1] }, b: { '*': [{ var: 'a' }, 2] } } },
    });
    expect(recordOf(createFormRuntime(definition).process({ a: 5 }, onboardingContext))).toEqual({ a: 5, b: 10, c: 11 });
  });

  it('lets hiding cascade: a field shown only when a hidden field has a value is hidden too', () => {
    const definition = smallEntity({
      schema: { type: 'object', properties: { vip: { type: 'boolean' }, level: { type: 'number' }, perk: { type: 'string' } } },
      rules: {
        visibility: { perk: { '>': [{ var: 'level' }, 2] }, level: { var: 'vip' } },
      },
    });
    const form = createFormRuntime(definition);
    expect(recordOf(form.process({ vip: true, level: 3, perk: 'lounge' }, onboardingContext))).toEqual({ vip: true, level: 3, perk: 'lounge' });
    expect(recordOf(form.process({ vip: false, level: 3, perk: 'lounge' }, onboardingContext))).toEqual({ vip: false });
  });

  it('refuses to build a runtime for computed fields that depend on each other', () => {
    const definition = changed(onboardingDefinition, (d) => {
      d.rules.computed.creditLimit = { '*': [{ var: 'creditLimitWan' }, 10000] };
    });
    try {
      createFormRuntime(definition);
      expect.unreachable('a cycle must not compile');
    } catch (error) {
      expect(isTrellisError(error) && error.problems[0]).toMatchObject({
        code: 'FORM_COMPUTED_CYCLE',
        details: { cycle: ['creditLimitWan', 'creditLimit', 'creditLimitWan'] },
      });
    }
  });
});

describe('evaluateUi', () => {
  it('tells the browser what is hidden, required and computed, with the same rules', () => {
    expect(runtime.evaluateUi({ partnerKind: 'distributor', creditLimit: 80_000 }, onboardingContext)).toEqual({
      hidden: [],
      required: expect.arrayContaining(['companyName', 'contact.name', 'businessLicenseFile', 'creditLimit', 'contact.email']),
      computed: { creditLimitWan: 8 },
    });
    const retailer = runtime.evaluateUi({ partnerKind: 'retailer', creditLimit: 80_000 }, onboardingContext);
    expect(retailer.hidden.sort()).toEqual(['creditLimit', 'creditLimitWan']);
    expect(retailer.required).toContain('businessLicenseFile');
    expect(retailer.required).not.toContain('creditLimit');
    expect(retailer.required).not.toContain('contact.email');
    expect(retailer.computed).toEqual({});
    const internal = runtime.evaluateUi({ partnerKind: 'internal_sales' }, onboardingContext);
    expect(internal.hidden.sort()).toEqual(['businessLicenseFile', 'creditLimit', 'creditLimitWan', 'showcaseStore']);
    expect(internal.required).not.toContain('businessLicenseFile');
  });

  it('copes with values that are not a valid submission', () => {
    expect(runtime.evaluateUi(null, onboardingContext).hidden.sort()).toEqual([
      'businessLicenseFile',
      'creditLimit',
      'creditLimitWan',
      'showcaseStore',
    ]);
  });
});
