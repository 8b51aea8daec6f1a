import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrellisError } from '@trellis/errors';
import { createSchemaValidator } from './index.js';

const contactForm = {
  type: 'object',
  additionalProperties: false,
  properties: {
    companyName: { type: 'string', minLength: 2 },
    creditCode: { type: 'string', pattern: '^[0-9A-Z]{18}$' },
    creditLimit: { type: 'number', minimum: 0 },
    contact: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        email: { type: 'string', format: 'email' },
      },
      required: ['name'],
    },
    kind: { enum: ['distributor', 'retailer'] },
  },
  required: ['companyName', 'creditCode'],
};

const validData = {
  companyName: '华东电子',
  creditCode: '91310000MA1FL1234X',
  creditLimit: 0,
  contact: { name: '王伟', email: 'wang@example.com' },
  kind: 'retailer',
};

describe('createSchemaValidator', () => {
  const validate = createSchemaValidator().compile(contactForm);

  it('returns no problems for valid data', () => {
    expect(validate(validData)).toEqual([]);
  });

  it('reports every error with the field path, a stable code and the keyword params', () => {
    const problems = validate({
      creditCode: 'abc',
      creditLimit: -5,
      contact: { name: 7, email: 'not an email' },
      kind: 'shop',
      colour: 'red',
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['SCHEMA_REQUIRED', 'companyName'],
      ['SCHEMA_ADDITIONAL_PROPERTIES', 'colour'],
      ['SCHEMA_PATTERN', 'creditCode'],
      ['SCHEMA_MINIMUM', 'creditLimit'],
      ['SCHEMA_TYPE', 'contact.name'],
      ['SCHEMA_FORMAT', 'contact.email'],
      ['SCHEMA_ENUM', 'kind'],
    ]);
    expect(problems.find((p) => p.code === 'SCHEMA_MINIMUM')?.details).toEqual({ comparison: '>=', limit: 0 });
    expect(problems.find((p) => p.code === 'SCHEMA_REQUIRED')?.details).toEqual({ missingProperty: 'companyName' });
    expect(problems.find((p) => p.code === 'SCHEMA_ENUM')?.details).toEqual({ allowedValues: ['distributor', 'retailer'] });
  });

  it('words each problem as a sentence in English and in Chinese', () => {
    const problems = validate({ creditCode: 'abc', creditLimit: -5, contact: { name: 'x', email: 'nope' } });
    expect(problems.map((p) => p.message)).toEqual([
      { en: 'Field "companyName" is required.', 'zh-CN': '字段“companyName”为必填项。' },
      {
        en: 'Field "creditCode" must match pattern "^[0-9A-Z]{18}$".',
        'zh-CN': '字段“creditCode”应当匹配模式 "^[0-9A-Z]{18}$"。',
      },
      { en: 'Field "creditLimit" must be >= 0.', 'zh-CN': '字段“creditLimit”应当为 >= 0。' },
      { en: 'Field "contact.email" must match format "email".', 'zh-CN': '字段“contact.email”应当匹配格式 "email"。' },
    ]);
  });

  it('words problems for people filling in a form: fields by their labels, no pattern quoted', () => {
    const labels = new Map([['creditCode', { en: 'Credit code', 'zh-CN': '信用代码' }], ['companyName', { en: 'Company', 'zh-CN': '公司' }]]);
    const forPeople = createSchemaValidator().compile(contactForm, { labels: (path) => labels.get(path) });
    expect(forPeople({ creditCode: 'abc', creditLimit: -5, contact: { name: 'x', email: 'x@example.com' } }).map((p) => p.message)).toEqual([
      { en: '“Company” is required.', 'zh-CN': '“公司”为必填项。' },
      { en: '“Credit code” is not in the expected format.', 'zh-CN': '“信用代码”格式不正确。' },
      // a field without a label keeps its path
      { en: 'Field "creditLimit" must be >= 0.', 'zh-CN': '字段“creditLimit”应当为 >= 0。' },
    ]);
  });

  it('names the missing field of a nested object and the whole value at the root', () => {
    expect(validate({ ...validData, contact: {} })).toEqual([
      {
        code: 'SCHEMA_REQUIRED',
        path: 'contact.name',
        message: { en: 'Field "contact.name" is required.', 'zh-CN': '字段“contact.name”为必填项。' },
        details: { missingProperty: 'name' },
      },
    ]);
    expect(validate([])).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_TYPE',
        path: '',
        message: { en: 'The value must be object.', 'zh-CN': '数据应当是 object 类型。' },
      }),
    ]);
  });

  it('names property names that break `propertyNames` and keys with dots or slashes', () => {
    const check = createSchemaValidator().compile({
      type: 'object',
      propertyNames: { pattern: '^[a-z]+$' },
      additionalProperties: { type: 'integer' },
    });
    expect(check({ ok: 1, Bad: 2, 'a/b': 'x' }).map((p) => [p.code, p.path, p.message.en])).toEqual([
      ['SCHEMA_PATTERN', 'Bad', 'Property name "Bad" must match pattern "^[a-z]+$".'],
      ['SCHEMA_PATTERN', 'a/b', 'Property name "a/b" must match pattern "^[a-z]+$".'],
      ['SCHEMA_TYPE', 'a/b', 'Field "a/b" must be integer.'],
    ]);
  });

  it('keeps the conditional required of admin schemas that full strict mode rejects', () => {
    const schema = {
      type: 'object',
      properties: { kind: { type: 'string' } },
      if: { properties: { kind: { const: 'distributor' } } },
      then: { required: ['licenseFile'] },
    };
    expect(createSchemaValidator().compile(schema)({ kind: 'distributor' }).map((p) => p.path)).toEqual([
      'licenseFile',
      '',
    ]);
    expect(createSchemaValidator({ strict: true }).compile(schema)({}).map((p) => p.code)).toEqual(['SCHEMA_INVALID']);
  });

  it('rejects unknown keywords and formats as a problem instead of throwing', () => {
    for (const schema of [{ type: 'number', minimun: 0 }, { type: 'string', format: 'color' }]) {
      const problems = createSchemaValidator().compile(schema)(1);
      expect(problems).toEqual([expect.objectContaining({ code: 'SCHEMA_INVALID', path: '' })]);
      expect(problems[0]?.message.en).toMatch(/^The schema is not valid: .+\.$/);
      expect(problems[0]?.message['zh-CN']).toMatch(/^模式无效：.+。$/);
    }
  });
});

describe('references', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never loads a remote $ref: it is a problem, reported synchronously', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const validate = createSchemaValidator().compile({
      type: 'object',
      properties: { x: { $ref: 'http://127.0.0.1:9/evil.json' } },
    });
    const problems = validate({ x: 1 });
    expect(problems).toEqual([
      {
        code: 'SCHEMA_UNRESOLVED_REF',
        path: '',
        message: {
          en: 'The schema refers to "http://127.0.0.1:9/evil.json", which is not available; schemas are never loaded from elsewhere.',
          'zh-CN': '模式引用了不可用的“http://127.0.0.1:9/evil.json”；模式不会从外部加载。',
        },
        details: { ref: 'http://127.0.0.1:9/evil.json' },
      },
    ]);
    expect(validate({})).toBe(problems);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('resolves $refs to registered schemas by $id', () => {
    const money = { $id: 'https://trellis.dev/schemas/test-money/v1.json', type: 'number', minimum: 0 };
    const validator = createSchemaValidator({ schemas: [money] });
    const validate = validator.compile({ type: 'object', properties: { price: { $ref: money.$id } } });
    expect(validate({ price: 3 })).toEqual([]);
    expect(validate({ price: -3 }).map((p) => [p.code, p.path])).toEqual([['SCHEMA_MINIMUM', 'price']]);
  });

  it('refuses to register a schema twice or an invalid one', () => {
    const schema = { $id: 'https://trellis.dev/schemas/test-twice/v1.json', type: 'string' };
    const validator = createSchemaValidator({ schemas: [schema] });
    expect(validator.addSchema(schema).map((p) => p.code)).toEqual(['SCHEMA_INVALID']);
    expect(validator.addSchema({ type: 'nothing' }).map((p) => p.code)).toEqual(['SCHEMA_INVALID']);
    expect(() => createSchemaValidator({ schemas: [schema, schema] })).toThrow(TrellisError);
  });
});
