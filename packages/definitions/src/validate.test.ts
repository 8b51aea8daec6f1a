import { describe, expect, it } from 'vitest';
import type { Problem, Result } from '@trellis/errors';
import { validateDefinition, type DefinitionKind } from './index.js';
import { fullEntity, minimalEntity } from './fixtures/entity.js';
import { fullFlow, minimalFlow } from './fixtures/flow.js';
import { fullProgram, minimalProgram } from './fixtures/program.js';
import { fullPermission, minimalPermission } from './fixtures/permission.js';
import { fullRule, minimalRule, ruleWithInputs } from './fixtures/rule.js';
import { fullTemplate, minimalTemplate } from './fixtures/app-template.js';

type Doc = Record<string, unknown>;

const EXAMPLES: Record<DefinitionKind, { minimal: Doc; full: Doc }> = {
  entity: { minimal: minimalEntity, full: fullEntity },
  rule: { minimal: minimalRule, full: fullRule },
  flow: { minimal: minimalFlow, full: fullFlow },
  program: { minimal: minimalProgram, full: fullProgram },
  permission: { minimal: minimalPermission, full: fullPermission },
  'app-template': { minimal: minimalTemplate, full: fullTemplate },
};

/** An id-bearing place of each kind, to break. */
const ID_PATH: Record<DefinitionKind, string> = {
  entity: 'id',
  rule: 'id',
  flow: 'id',
  program: 'id',
  permission: 'id',
  'app-template': 'app.id',
};

/** A closed set of values of each kind, to break. */
const ENUM_PATH: Record<DefinitionKind, string> = {
  entity: 'kind',
  rule: 'table.hitPolicy',
  flow: 'nodes.1.type',
  program: 'rounding.mode',
  permission: 'actions.1',
  'app-template': 'flows.0.nodes.0.type',
};

const REQUIRED_PATH: Record<DefinitionKind, string> = {
  entity: 'schema',
  rule: 'label',
  flow: 'nodes',
  program: 'metrics.0.window',
  permission: 'roles',
  'app-template': 'app.version',
};

/** A copy of `doc` with `change` applied to the object holding `path`'s last segment. */
function edited(doc: Doc, path: string, change: (holder: Record<string, unknown>, key: string) => void): Doc {
  const copy = structuredClone(doc);
  const parts = path.split('.');
  const key = parts.pop()!;
  const holder = parts.reduce<Record<string, unknown>>((node, part) => node[part] as Record<string, unknown>, copy);
  change(holder, key);
  return copy;
}

function problemsOf(result: Result<unknown>): readonly Problem[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

const KINDS = Object.keys(EXAMPLES) as DefinitionKind[];

describe.each(KINDS)('%s definitions', (kind) => {
  const { minimal, full } = EXAMPLES[kind];

  it('accept the minimal and the full example unchanged', () => {
    for (const doc of [minimal, full]) expect(validateDefinition(kind, doc)).toEqual({ ok: true, value: doc });
  });

  it('reject an id that is not a slug, naming the place', () => {
    for (const bad of ['Partner', '1st', 'a-b', 'x'.repeat(64), '']) {
      const problems = problemsOf(validateDefinition(kind, edited(full, ID_PATH[kind], (o, k) => (o[k] = bad))));
      expect(problems).toContainEqual(expect.objectContaining({ code: 'SCHEMA_PATTERN', path: ID_PATH[kind] }));
    }
  });

  it('reject a missing required part, naming it', () => {
    const problems = problemsOf(validateDefinition(kind, edited(full, REQUIRED_PATH[kind], (o, k) => delete o[k])));
    expect(problems).toEqual([expect.objectContaining({ code: 'SCHEMA_REQUIRED', path: REQUIRED_PATH[kind] })]);
  });

  it('reject a value outside an enumeration', () => {
    const problems = problemsOf(validateDefinition(kind, edited(full, ENUM_PATH[kind], (o, k) => (o[k] = 'other'))));
    expect(problems.map((p) => p.path)).toContain(ENUM_PATH[kind]);
    expect(problems.map((p) => p.code)).toContainEqual(expect.stringMatching(/^SCHEMA_(ENUM|CONST)$/));
  });

  it('reject a property the format does not have, naming it', () => {
    const problems = problemsOf(validateDefinition(kind, { ...full, colour: 'red' }));
    expect(problems).toEqual([expect.objectContaining({ code: 'SCHEMA_ADDITIONAL_PROPERTIES', path: 'colour' })]);
  });

  it('reject a document of another kind', () => {
    const other = kind === 'entity' ? fullRule : fullEntity;
    expect(problemsOf(validateDefinition(kind, other))).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA_CONST', path: 'kind' }),
    );
  });
});

describe('rule definitions', () => {
  it('accept declared inputs instead of an entity', () => {
    expect(validateDefinition('rule', ruleWithInputs).ok).toBe(true);
  });

  it('reject a rule with both logic and a table', () => {
    const problems = problemsOf(validateDefinition('rule', { ...fullRule, logic: true }));
    expect(problems).toEqual([expect.objectContaining({ code: 'SCHEMA_ONE_OF', path: '' })]);
  });

  it('reject a rule with neither logic nor a table', () => {
    const { table: _table, ...neither } = fullRule;
    const codes = problemsOf(validateDefinition('rule', neither)).map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual(['SCHEMA_REQUIRED logic', 'SCHEMA_REQUIRED table', 'SCHEMA_ONE_OF ']);
  });

  it('reject a test with both an expected value and an expected error', () => {
    const tests = [{ data: {}, expect: 1, error: true }];
    const problems = problemsOf(validateDefinition('rule', { ...minimalRule, tests }));
    expect(problems).toEqual([expect.objectContaining({ code: 'SCHEMA_ONE_OF', path: 'tests.0' })]);
  });

  it('report only the chosen operation of a decision-table cell', () => {
    const cell = (when: unknown) =>
      validateDefinition('rule', edited(fullRule, 'table.rows.1.when.0', (o, k) => (o[k] = when)));
    expect(problemsOf(cell({ op: 'between', min: 1, maxInclusive: true })).map((p) => `${p.code} ${p.path}`)).toEqual([
      'SCHEMA_CONST table.rows.1.when.0',
      'SCHEMA_REQUIRED table.rows.1.when.0.minInclusive',
      'SCHEMA_ANY_OF table.rows.1.when.0',
    ]);
    expect(problemsOf(cell({ op: 'like', value: 1 }))).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA_DISCRIMINATOR', path: 'table.rows.1.when.0.op' }),
    );
    expect(problemsOf(cell({ op: 'between', minInclusive: true, maxInclusive: true })).map((p) => p.code)).toContain(
      'SCHEMA_REQUIRED',
    );
    expect(problemsOf(cell('*')).map((p) => p.path)).toContain('table.rows.1.when.0');
  });
});

describe('entity definitions', () => {
  it('reject a default with both a value and a rule, and a field path that is not one', () => {
    const doc = edited(fullEntity, 'rules.defaults', (o, k) => (o[k] = { country: { value: 'CN', rule: true } }));
    expect(problemsOf(validateDefinition('entity', doc))).toEqual([
      expect.objectContaining({ code: 'SCHEMA_ONE_OF', path: 'rules.defaults.country' }),
    ]);
    const badPath = edited(fullEntity, 'fields', (o, k) => (o[k] = { 'address..city': {} }));
    expect(problemsOf(validateDefinition('entity', badPath))).toEqual([
      expect.objectContaining({ code: 'SCHEMA_PATTERN', path: 'fields.address..city' }),
    ]);
  });

  it('require both languages of every text', () => {
    const doc = edited(fullEntity, 'fields.name.help', (o, k) => (o[k] = { 'zh-CN': '帮助' }));
    expect(problemsOf(validateDefinition('entity', doc))).toEqual([
      expect.objectContaining({ code: 'SCHEMA_REQUIRED', path: 'fields.name.help.en' }),
    ]);
  });

  it('require the record schema to describe an object', () => {
    const doc = { ...minimalEntity, schema: { type: 'array' } };
    expect(problemsOf(validateDefinition('entity', doc))).toEqual([
      expect.objectContaining({ code: 'SCHEMA_CONST', path: 'schema.type' }),
    ]);
  });
});

describe('program definitions', () => {
  it('require the aggregated field unless counting', () => {
    const doc = edited(fullProgram, 'metrics.0.field', (o, k) => delete o[k]);
    expect(problemsOf(validateDefinition('program', doc)).map((p) => `${p.code} ${p.path}`)).toEqual([
      'SCHEMA_REQUIRED metrics.0.field',
      'SCHEMA_IF metrics.0',
    ]);
  });

  it('reject dates that are not calendar dates and negative caps', () => {
    const doc = { ...fullProgram, effectiveTo: '2026-02-30', caps: { perSubject: -1 } };
    expect(problemsOf(validateDefinition('program', doc)).map((p) => `${p.code} ${p.path}`)).toEqual([
      'SCHEMA_FORMAT effectiveTo',
      'SCHEMA_MINIMUM caps.perSubject',
    ]);
  });
});

describe('app templates', () => {
  it('name the place inside the bundle', () => {
    const doc = edited(fullTemplate, 'entities.1.fields.name.label', (o, k) => (o[k] = 'Name'));
    expect(problemsOf(validateDefinition('app-template', doc))).toEqual([
      expect.objectContaining({ code: 'SCHEMA_TYPE', path: 'entities.1.fields.name.label' }),
    ]);
  });

  it('report every problem of a broken bundle at once', () => {
    const doc = { ...fullTemplate, contentHash: 'md5:x', sampleData: { Partner: [] }, roles: [{ id: 'r' }] };
    expect(problemsOf(validateDefinition('app-template', doc)).map((p) => `${p.code} ${p.path}`)).toEqual([
      'SCHEMA_REQUIRED roles.0.label',
      'SCHEMA_PATTERN sampleData.Partner',
      'SCHEMA_PATTERN contentHash',
    ]);
  });

  it('reject what is not an object', () => {
    for (const doc of [null, 'x', [], 2]) {
      expect(problemsOf(validateDefinition('app-template', doc))).toEqual([
        expect.objectContaining({ code: 'SCHEMA_TYPE', path: '' }),
      ]);
    }
  });
});

describe('permission definitions', () => {
  it('require the readable fields of a grant that reads and the writable fields of one that writes', () => {
    const { readableFields: _r, writableFields: _w, ...bare } = fullPermission;
    const codes = problemsOf(validateDefinition('permission', bare)).map((p) => `${p.code} ${p.path}`);
    expect(codes).toEqual(expect.arrayContaining(['SCHEMA_REQUIRED readableFields', 'SCHEMA_REQUIRED writableFields']));
    expect(validateDefinition('permission', { ...bare, actions: ['delete'] }).ok).toBe(true);
  });

  it('accept "*" for every entity and field, and reject other words or bad paths', () => {
    expect(validateDefinition('permission', { ...fullPermission, entity: '*', writableFields: '*' }).ok).toBe(true);
    expect(validateDefinition('permission', { ...fullPermission, readableFields: 'all' }).ok).toBe(false);
    const paths = problemsOf(validateDefinition('permission', { ...fullPermission, writableFields: ['a..b'] })).map((p) => p.path);
    expect(paths).toContain('writableFields.0');
  });

  it('sit in an app template', () => {
    expect(validateDefinition('app-template', { ...minimalTemplate, permissions: [minimalPermission, fullPermission] }).ok).toBe(true);
  });
});
