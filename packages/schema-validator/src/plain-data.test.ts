import { describe, expect, it } from 'vitest';
import { createSchemaValidator } from './index.js';
import { allowsPlainReads } from './plain-data.js';

const form = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    startsOn: { type: 'string', format: 'date' },
    address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    tags: { type: 'array', items: { $ref: '#/$defs/tag' } },
  },
  required: ['name', 'startsOn'],
  $defs: { tag: { type: 'string', enum: ['a', 'b'] } },
};

describe('allowsPlainReads', () => {
  it('allows self-contained schemas whose names plain objects do not inherit', () => {
    expect(allowsPlainReads(form)).toBe(true);
  });

  it('refuses schemas naming an inherited property, as a key or in a list, at any depth', () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(allowsPlainReads({ type: 'object', properties: { inner: { properties: { [name]: {} } } } })).toBe(false);
      expect(allowsPlainReads({ type: 'object', properties: { inner: { required: [name] } } })).toBe(false);
    }
    expect(allowsPlainReads(JSON.parse('{"properties":{"__proto__":{"type":"string"}}}'))).toBe(false);
  });

  it('refuses schemas that declare an $id or refer to other schemas', () => {
    expect(allowsPlainReads({ ...form, $id: 'https://trellis.dev/schemas/x.json' })).toBe(false);
    expect(allowsPlainReads({ properties: { x: { $ref: 'https://trellis.dev/schemas/money.json' } } })).toBe(false);
    expect(allowsPlainReads({ properties: { x: { $dynamicRef: 'other.json#node' } } })).toBe(false);
  });
});

describe('createSchemaValidator({ plainData: true })', () => {
  const checked = createSchemaValidator();
  const plain = createSchemaValidator({ plainData: true });

  it('gives the same problems as the own-property checks on plain JSON data', () => {
    const a = checked.compile(form);
    const b = plain.compile(form);
    const samples: unknown[] = [
      { name: 'x', startsOn: '2024-02-29', address: { city: '上海' }, tags: ['a'] },
      { name: '', startsOn: '2023-02-29', address: {}, tags: ['c'], extra: 1 },
      JSON.parse('{"name":"x","startsOn":"2024-01-01","__proto__":{"city":"x"}}'),
      Object.assign(Object.create(null) as object, { name: 'x' }),
      {},
      [],
      null,
    ];
    for (const data of samples) expect(b(data)).toEqual(a(data));
  });

  it('keeps own-property checks where an inherited name would otherwise count as present', () => {
    const schema = {
      type: 'object',
      properties: { toString: { type: 'string' }, name: { type: 'string' } },
      required: ['toString'],
    };
    const problems = plain.compile(schema)({ name: 'x' });
    expect(problems.map((p) => [p.code, p.path])).toEqual([['SCHEMA_REQUIRED', 'toString']]);
    expect(plain.compile({ type: 'object', required: ['constructor'] })({}).map((p) => p.code)).toEqual(['SCHEMA_REQUIRED']);
  });

  it('still resolves references to registered schemas', () => {
    const money = { $id: 'https://trellis.dev/schemas/test-plain-money/v1.json', type: 'number', minimum: 0 };
    const validate = createSchemaValidator({ plainData: true, schemas: [money] }).compile({
      type: 'object',
      properties: { price: { $ref: money.$id } },
    });
    expect(validate({ price: -1 }).map((p) => [p.code, p.path])).toEqual([['SCHEMA_MINIMUM', 'price']]);
  });
});
