import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Problem } from '@trellis/errors';
import { describe, expect, it } from 'vitest';
import { changed, onboardingDefinition, smallEntity } from '../testing/index.js';
import { checkFormDefinition } from './check-definition.js';

const codesAt = (problems: readonly Problem[]) => problems.map((p) => `${p.code}@${p.path}`);

function withSchema(schema: Record<string, unknown>) {
  return smallEntity({ schema });
}

describe('checkFormDefinition', () => {
  it('accepts the onboarding definition', () => {
    expect(checkFormDefinition(onboardingDefinition)).toEqual([]);
  });

  it('reports unknown fields wherever the definition names them, with a suggestion', () => {
    const definition = changed(onboardingDefinition, (d) => {
      d.fields.creditLimt = { label: { 'zh-CN': '额度', en: 'Limit' } };
      d.ui.sections[0]?.fields.push('contact.phon');
      d.rules.visibility.companyNmae = true;
      d.rules.validations.push({ id: 'x', path: 'zzzzzz', rule: true, message: { 'zh-CN': '错', en: 'Wrong' } });
    });
    const problems = checkFormDefinition(definition);
    expect(problems.map((p) => [p.code, p.path, p.details])).toEqual([
      ['FORM_UNKNOWN_FIELD', 'fields.creditLimt', { field: 'creditLimt', suggestion: 'creditLimit' }],
      ['FORM_UNKNOWN_FIELD', 'ui.sections.0.fields.5', { field: 'contact.phon', suggestion: 'contact.phone' }],
      ['FORM_UNKNOWN_FIELD', 'rules.visibility.companyNmae', { field: 'companyNmae', suggestion: 'companyName' }],
      ['FORM_UNKNOWN_FIELD', 'rules.validations.1.path', { field: 'zzzzzz' }],
    ]);
    expect(problems[0]?.message).toEqual({
      en: 'Unknown field "creditLimt"; did you mean "creditLimit"?',
      'zh-CN': '未知的字段"creditLimt"；您是否指的是"creditLimit"？',
    });
  });

  it('checks every rule against the schema and the safety limits, naming where the rule sits', () => {
    const definition = changed(onboardingDefinition, (d) => {
      d.rules.visibility.creditLimit = { if: [{ '==': [{ var: 'partnerKnd' }, 'distributor'] }, true, false] };
      d.rules.computed.creditLimitWan = { frobnicate: [1] };
    });
    const problems = checkFormDefinition(definition);
    const typo = problems.find((p) => p.path.startsWith('rules.visibility.creditLimit/'));
    expect(typo?.path).toMatch(/^rules\.visibility\.creditLimit\/if\/0/);
    expect(JSON.stringify(typo)).toContain('partnerKind');
    expect(problems.some((p) => p.code === 'RULE_UNKNOWN_OPERATOR' && p.path.startsWith('rules.computed.creditLimitWan'))).toBe(true);
  });

  it('accepts context keys in rules', () => {
    const definition = changed(onboardingDefinition, (d) => {
      d.rules.visibility.notes = { in: ['channel_manager', { var: '$user.roles' }] };
    });
    expect(checkFormDefinition(definition)).toEqual([]);
  });

  it('reports computed fields that depend on each other', () => {
    const definition = changed(onboardingDefinition, (d) => {
      d.rules.computed.creditLimit = { '*': [{ var: 'creditLimitWan' }, 10000] };
    });
    expect(codesAt(checkFormDefinition(definition))).toEqual(['FORM_COMPUTED_CYCLE@rules.computed.creditLimitWan']);
  });

  it('reports visibility rules that depend on each other', () => {
    const definition = changed(onboardingDefinition, (d) => {
      d.rules.visibility.notes = { var: 'region' };
      d.rules.visibility.region = { var: 'notes' };
    });
    expect(codesAt(checkFormDefinition(definition))).toEqual(['FORM_VISIBILITY_CYCLE@rules.visibility.notes']);
  });

  it('reports a computed field that also has a default', () => {
    const definition = changed(onboardingDefinition, (d) => {
      d.rules.defaults.creditLimitWan = { value: 0 };
    });
    expect(codesAt(checkFormDefinition(definition))).toEqual(['FORM_COMPUTED_HAS_DEFAULT@rules.defaults.creditLimitWan']);
  });

  it('reports a schema that does not compile, and field names reserved for the context', () => {
    expect(codesAt(checkFormDefinition(withSchema({ type: 'object', properties: { a: { type: 'strin' } } })))).toEqual([
      'FORM_SCHEMA_INVALID@schema',
    ]);
    expect(codesAt(checkFormDefinition(withSchema({ type: 'object', properties: { $now: { type: 'string' } } })))).toEqual([
      'FORM_RESERVED_FIELD@schema/properties/$now',
    ]);
  });
});

describe('checkFormDefinition: hostile schemas', () => {
  it('rejects a catastrophic pattern, naming where it is', () => {
    const problems = checkFormDefinition(
      withSchema({ type: 'object', properties: { code: { type: 'string', pattern: '(a+)+$' } } }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'FORM_SCHEMA_UNSAFE_PATTERN',
        path: 'schema/properties/code/pattern',
        details: { reason: 'backtracking' },
      }),
    ]);
    expect(problems[0]?.message['zh-CN']).toContain('(a+)+$');
  });

  it('rejects unsafe patternProperties keys, overlong and invalid patterns', () => {
    const problems = checkFormDefinition(
      withSchema({
        type: 'object',
        patternProperties: { '^(\\w+\\s?)*$': { type: 'string' } },
        properties: {
          long: { type: 'string', pattern: `^${'a'.repeat(300)}$` },
          broken: { type: 'string', pattern: '([a-z' },
          fine: { type: 'string', pattern: '^\\p{L}+$' },
          items: { type: 'array', items: { type: 'string', pattern: '(x+x+)+y' } },
        },
      }),
    );
    expect(problems.map((p) => [p.path, p.details?.reason])).toEqual([
      ['schema/patternProperties/^(\\w+\\s?)*$', 'backtracking'],
      ['schema/properties/long/pattern', 'length'],
      ['schema/properties/broken/pattern', 'syntax'],
      ['schema/properties/items/items/pattern', 'backtracking'],
    ]);
  });

  it('rejects remote and file references without ever fetching them', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('{"type":"string"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const remote = `http://127.0.0.1:${port}/schema.json`;
      const problems = checkFormDefinition(
        withSchema({
          type: 'object',
          properties: {
            a: { $ref: remote },
            b: { $ref: 'file:///etc/passwd' },
            c: { $ref: 'other.json#/$defs/x' },
            d: { $ref: '#/$defs/local' },
            e: { $dynamicRef: '#meta' },
            f: { const: { $ref: 'https://127.0.0.1/data-not-schema' } },
            g: { $id: 'https://127.0.0.1/inner.json', type: 'string' },
          },
          $defs: { local: { type: 'string' } },
        }),
      );
      expect(codesAt(problems)).toEqual([
        'FORM_SCHEMA_REMOTE_REF@schema/properties/a/$ref',
        'FORM_SCHEMA_REMOTE_REF@schema/properties/b/$ref',
        'FORM_SCHEMA_REMOTE_REF@schema/properties/c/$ref',
        'FORM_SCHEMA_DYNAMIC_REF@schema/properties/e/$dynamicRef',
        'FORM_SCHEMA_NESTED_ID@schema/properties/g/$id',
      ]);
      expect(problems[0]?.details).toEqual({ ref: remote });
      await new Promise((resolve) => setImmediate(resolve));
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('rejects a schema with 10,000 properties', () => {
    const properties = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`field${i}`, { type: 'string' }]));
    expect(codesAt(checkFormDefinition(withSchema({ type: 'object', properties })))).toEqual(['FORM_SCHEMA_TOO_LARGE@schema']);
  });

  it('rejects a schema with overlong text', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', description: 'x'.repeat(600_000) } } };
    expect(checkFormDefinition(withSchema(schema))).toEqual([
      expect.objectContaining({ code: 'FORM_SCHEMA_TOO_LARGE', details: { characters: expect.any(Number), limit: 500_000 } }),
    ]);
  });

  it('rejects a schema nested 200 levels deep, without exhausting the stack', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 200; i++) schema = { type: 'object', properties: { nested: schema } };
    const problems = checkFormDefinition(withSchema(schema));
    expect(problems.map((p) => p.code)).toEqual(['FORM_SCHEMA_TOO_DEEP']);
    expect(problems[0]?.path).toMatch(/^schema(\/properties\/nested)+/);
  });
});
