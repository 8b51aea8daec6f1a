import { describe, expect, it } from 'vitest';
import type { Rule } from '../types.js';
import { MAX_WALK_DEPTH } from './rule-shape.js';
import { checkRuleAgainstSchema } from './schema-check.js';
import type { JsonSchemaObject } from './schema-shape.js';
import { performanceSchema as schema } from './test-fixtures.js';

const check = (rule: Rule, options = {}) => checkRuleAgainstSchema(rule, schema, options);
const summary = (rule: Rule, options = {}) => check(rule, options).map((p) => [p.code, p.path, p.details?.path ?? p.details?.operator]);

describe('checkRuleAgainstSchema: field paths', () => {
  it('accepts paths that exist: top level, nested objects, $ref, array items by index', () => {
    const rule: Rule = {
      and: [{ var: 'attainment' }, { var: 'partner.tier' }, { var: 'partner.address.city' }, { var: 'lines.0.amount' },
        { var: ['scores.2', 0] }, { var: '' }, { missing: ['name', 'partner.tier'] }, { missing_some: [1, ['target', 'actual']] }],
    };
    expect(check(rule)).toEqual([]);
  });

  it('names a typo where it is read, with a "did you mean" in both languages', () => {
    const [problem, ...rest] = check({ '>=': [{ var: 'atainment' }, 1] });
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      code: 'RULE_UNKNOWN_VAR',
      path: '/>=/0/var',
      message: { en: 'Unknown field "atainment" — did you mean "attainment"?', 'zh-CN': '未知字段"atainment"，您是否指"attainment"？' },
      details: { path: 'atainment', suggestion: 'attainment' },
    });
  });

  it('suggests at the level where the path breaks, keeping the rest when the corrected path exists', () => {
    expect(check({ var: 'partner.adress.city' })[0]?.details).toEqual({ path: 'partner.adress.city', suggestion: 'partner.address.city' });
    expect(check({ var: 'partner.adress.town' })[0]?.details).toEqual({ path: 'partner.adress.town', suggestion: 'partner.address' });
    expect(check({ var: 'lines.0.amout' })[0]?.details).toEqual({ path: 'lines.0.amout', suggestion: 'lines.0.amount' });
    expect(check({ var: 'Name' })[0]?.details).toEqual({ path: 'Name', suggestion: 'name' });
  });

  it('gives no suggestion when nothing is close, and reports paths below scalars and into missing keys', () => {
    const [problem] = check({ var: 'quarterlyRevenue' });
    expect(problem?.details).toEqual({ path: 'quarterlyRevenue', suggestion: null });
    expect(problem?.message).toEqual({ en: 'Unknown field "quarterlyRevenue"', 'zh-CN': '未知字段"quarterlyRevenue"' });
    expect(summary({ and: [{ var: 'name.first' }, { var: 'lines.first' }, { missing: ['regoin'] }, { missing_some: [1, ['targt']] }] })).toEqual([
      ['RULE_UNKNOWN_VAR', '/and/0/var', 'name.first'],
      ['RULE_UNKNOWN_VAR', '/and/1/var', 'lines.first'],
      ['RULE_UNKNOWN_VAR', '/and/2/missing/0', 'regoin'],
      ['RULE_UNKNOWN_VAR', '/and/3/missing_some/1/0', 'targt'],
    ]);
  });

  it('rejects computed paths, which defeat checking', () => {
    const problems = check({ and: [{ var: { cat: ['att', 'ainment'] } }, { missing: { merge: [['a']] } }, { missing_some: [1, { var: 'keys' }] }] });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['RULE_DYNAMIC_VAR', '/and/0/var'], ['RULE_DYNAMIC_VAR', '/and/1/missing'], ['RULE_UNKNOWN_VAR', '/and/2/missing_some/1/var'],
      ['RULE_DYNAMIC_VAR', '/and/2/missing_some/1'],
    ]);
    expect(problems[0]?.message.en).toContain('computed while the rule runs');
  });

  it('walks allOf / anyOf / oneOf / then / else, local $refs (also recursive ones) and declared additionalProperties', () => {
    const unions: JsonSchemaObject = {
      type: 'object',
      allOf: [{ properties: { a: { type: 'number' } } }, { $ref: '#/$defs/b' }],
      anyOf: [{ properties: { c: { type: 'string' } } }, { properties: { d: { type: 'string' } } }],
      if: { properties: { a: { const: 1 } } }, then: { properties: { e: { type: 'string' } } }, else: { properties: { f: { type: 'string' } } },
      properties: {
        tree: { $ref: '#/$defs/node' },
        prices: { type: 'object', additionalProperties: { type: 'number' } },
        loop: { $ref: '#/$defs/loop' },
      },
      $defs: {
        b: { oneOf: [{ properties: { b: { type: 'number' } } }] },
        node: { type: 'object', properties: { value: { type: 'number' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } } },
        loop: { $ref: '#/$defs/loop' },
      },
    };
    const ok = ['a', 'b', 'c', 'd', 'e', 'f', 'tree.children.0.children.1.value', 'prices.anything', 'loop'];
    for (const path of ok) expect(checkRuleAgainstSchema({ var: path }, unions)).toEqual([]);
    expect(checkRuleAgainstSchema({ var: 'tree.children.0.valu' }, unions)[0]?.details?.suggestion).toBe('tree.children.0.value');
    expect(checkRuleAgainstSchema({ var: 'g' }, unions).map((p) => p.code)).toEqual(['RULE_UNKNOWN_VAR']);
  });

  it('accepts anything below values the schema leaves open (no keywords, true, remote $ref, open objects)', () => {
    const openSchema: JsonSchemaObject = {
      type: 'object',
      properties: { meta: {}, any: true, remote: { $ref: 'https://example.invalid/x.json' }, bag: { type: 'object', additionalProperties: true } },
    };
    for (const path of ['meta.x', 'any.y.z', 'remote.a', 'bag.b']) expect(checkRuleAgainstSchema({ var: path }, openSchema)).toEqual([]);
  });
});

describe('checkRuleAgainstSchema: context keys', () => {
  it('allows $now, $today and $user only when the rule runs with context', () => {
    const rule: Rule = { and: [{ var: '$today' }, { var: '$now' }, { in: ['admin', { var: '$user.roles' }] }, { var: '$user.partnerOrg' }, { var: '$user.id' }] };
    expect(check(rule, { context: true })).toEqual([]);
    expect(check(rule).map((p) => p.code)).toEqual(Array.from({ length: 5 }, () => 'RULE_UNKNOWN_VAR'));
  });

  it('suggests context keys for their typos', () => {
    expect(check({ var: '$tody' }, { context: true })[0]?.details).toEqual({ path: '$tody', suggestion: '$today' });
    expect(check({ var: '$user.role' }, { context: true })[0]?.details).toEqual({ path: '$user.role', suggestion: '$user.roles' });
  });

  it('does not offer context keys inside an iterator, whose data is the item', () => {
    expect(summary({ some: [{ var: 'lines' }, { date_before: [{ var: 'shippedOn' }, { var: '$today' }] }] }, { context: true }))
      .toEqual([['RULE_UNKNOWN_VAR', '/some/1/date_before/1/var', '$today']]);
  });
});

describe('checkRuleAgainstSchema: iterator scopes', () => {
  it('reads item fields inside map, filter, all, some and none', () => {
    for (const op of ['map', 'filter', 'all', 'some', 'none']) {
      expect(check({ [op]: [{ var: 'lines' }, { '>': [{ var: 'amount' }, 0] }] })).toEqual([]);
      expect(summary({ [op]: [{ var: 'lines' }, { '>': [{ var: 'attainment' }, 0] }] })).toEqual([['RULE_UNKNOWN_VAR', `/${op}/1/>/0/var`, 'attainment']]);
    }
    expect(check({ map: [{ var: 'scores' }, { '*': [{ var: '' }, 2] }] })).toEqual([]);
  });

  it('reads {current, accumulator} inside reduce', () => {
    expect(check({ reduce: [{ var: 'lines' }, { '+': [{ var: 'current.amount' }, { var: 'accumulator' }] }, 0] })).toEqual([]);
    expect(check({ reduce: [{ var: 'lines' }, { var: 'curent.amount' }, 0] })[0]?.details).toEqual({ path: 'curent.amount', suggestion: 'current.amount' });
    expect(summary({ reduce: [{ var: 'lines' }, { var: 'amount' }, { var: 'target' }] })).toEqual([['RULE_UNKNOWN_VAR', '/reduce/1/var', 'amount']]);
  });

  it('follows items through filter and merge, and types map results', () => {
    expect(check({ map: [{ filter: [{ var: 'lines' }, { var: 'sku' }] }, { var: 'amount' }] })).toEqual([]);
    expect(check({ all: [{ merge: [{ var: 'lines' }, { var: 'lines' }] }, { var: 'sku' }] })).toEqual([]);
    expect(summary({ map: [{ map: [{ var: 'lines' }, { var: 'shippedOn' }] }, { '+': [{ var: '' }, 1] }] }))
      .toEqual([['RULE_TYPE_MISMATCH', '/map/1/+/0', '+']]);
  });

  it('checks the field of sum, avg, min_of and max_of against the items', () => {
    expect(check({ '+': [{ sum: [{ var: 'lines' }, 'amount'] }, { max_of: [{ var: 'scores' }] }] })).toEqual([]);
    expect(check({ avg: [{ var: 'lines' }, 'amout'] })).toEqual([expect.objectContaining({
      code: 'RULE_UNKNOWN_VAR', path: '/avg/1', details: { path: 'amout', suggestion: 'amount' },
    })]);
  });

  it('accepts anything inside iterators over lists it cannot see into', () => {
    expect(check({ map: [[{ a: 1, b: 2 }], { var: 'a' }] })).toEqual([]);
    expect(check({ map: [{ var: 'partner' }, { var: 'whatever' }] }).map((p) => p.code)).toEqual(['RULE_TYPE_MISMATCH']);
  });
});

describe('checkRuleAgainstSchema: types', () => {
  it('flags comparing a date with a number, and a text field with a number', () => {
    expect(check({ '<': [{ var: 'startDate' }, 20260101] })).toEqual([{
      code: 'RULE_TYPE_MISMATCH',
      path: '',
      message: { en: '"<" compares a date with a number', 'zh-CN': '"<"将日期与数字进行比较' },
      details: { operator: '<', left: 'date', right: 'number' },
    }]);
    expect(summary({ and: [{ '>': [{ var: 'name' }, 5] }, { '==': [{ var: 'approvedAt' }, { var: 'actual' }] }, { '<=': [0, { var: 'target' }, { var: 'startDate' }] }] }))
      .toEqual([['RULE_TYPE_MISMATCH', '/and/0', '>'], ['RULE_TYPE_MISMATCH', '/and/1', '=='], ['RULE_TYPE_MISMATCH', '/and/2', '<=']]);
  });

  it('accepts numbers with numbers, dates with dates and date texts, and anything with null or unknowns', () => {
    const rule: Rule = {
      and: [{ '<': [{ var: 'actual' }, { var: 'target' }] }, { '>=': [{ var: 'attainment' }, 0.8, 1.2] },
        { '<': [{ var: 'startDate' }, '2026-04-01'] }, { '<=': [{ var: 'startDate' }, { var: '$today' }] },
        { '==': [{ var: 'approvedAt' }, null] }, { '==': [{ var: 'partner.tier' }, 'gold'] },
        { '<': [{ var: 'target' }, { var: 'bogus' }] }, { '<': [{ var: 'target' }, { if: [{ var: 'active' }, 1, 2] }] }],
    };
    expect(check(rule, { context: true }).map((p) => p.code)).toEqual(['RULE_UNKNOWN_VAR']);
  });

  it('lets a number meet numeric text with == and ordering, as json-logic-js converts it, but not with ===', () => {
    expect(check({ and: [{ '<': [{ var: 'target' }, '1000'] }, { '==': ['5', { var: 'actual' }] }] })).toEqual([]);
    expect(summary({ and: [{ '===': [{ var: 'actual' }, '5'] }, { '<': [{ var: 'target' }, 'abc'] }] }))
      .toEqual([['RULE_TYPE_MISMATCH', '/and/0', '==='], ['RULE_TYPE_MISMATCH', '/and/1', '<']]);
  });

  it('flags arithmetic on dates, booleans, lists and objects, and date operators given numbers', () => {
    const problems = check({
      and: [{ '+': [{ var: 'startDate' }, 1] }, { '*': [{ var: 'active' }, 2] }, { dec_add: [{ var: 'lines' }, 1] },
        { '-': [{ var: 'partner' }, 1] }, { date_before: [{ var: 'startDate' }, { var: 'target' }] }, { year: [2026] },
        { date_add: [{ var: 'startDate' }, { var: 'startDate' }, 'days'] }, { length: [{ var: 'actual' }] }, { in: ['a', 5] }],
    });
    expect(problems.map((p) => [p.path, p.details?.expected, p.details?.actual])).toEqual([
      ['/and/0/+/0', 'number', 'date'], ['/and/1/*/0', 'number', 'boolean'], ['/and/2/dec_add/0', 'number', 'array'],
      ['/and/3/-/0', 'number', 'object'], ['/and/4/date_before/1', 'date', 'number'], ['/and/5/year/0', 'date', 'number'],
      ['/and/6/date_add/1', 'number', 'date'], ['/and/7/length/0', 'seq', 'number'], ['/and/8/in/1', 'seq', 'number'],
    ]);
    expect(problems[4]?.message).toEqual({
      en: 'Operator "date_before" expects a date here, but gets a number',
      'zh-CN': '运算符"date_before"此处需要日期，但得到的是数字',
    });
  });

  it('infers result types of operators, branches, var defaults and tier', () => {
    const ok: Rule = {
      and: [{ '<': [{ date_diff: [{ var: 'startDate' }, '2026-12-31', 'days'] }, 30] }, { date_after: [{ date_add: [{ var: 'startDate' }, 1, 'months'] }, { var: 'approvedAt' }] },
        { '>': [{ tier: [{ var: 'attainment' }, [[0.8, 'ge', 0.02], [1, 'ge', 0.05]], 0] }, 0.03] }, { '==': [{ var: ['name', 'n/a'] }, 'x'] },
        { '+': [{ round: [{ var: 'attainment' }, 2] }, { length: [{ var: 'name' }] }, { quarter: [{ var: 'startDate' }] }] }],
    };
    expect(check(ok)).toEqual([]);
    const bad: Rule = {
      and: [{ '<': [{ date_add: [{ var: 'startDate' }, 1, 'days'] }, 5] }, { '==': [{ if: [true, { var: 'startDate' }, { date: ['2026-01-01'] }] }, 1] },
        { '+': [{ tier: [1, [[0, 'ge', '2026-01-01']]] }, 1] }, { '==': [{ cat: ['a'] }, true] }, { '>': [{ var: ['startDate', '2026-01-01'] }, 3] }],
    };
    expect(check(bad).map((p) => p.path)).toEqual(['/and/0', '/and/1', '/and/2/+/0', '/and/3', '/and/4']);
  });

  it('flags literal texts that are no number in arithmetic, or no date in date operators', () => {
    expect(check({ and: [{ '+': ['abc', 1] }, { year: ['soon'] }, { date_diff: ['2026-01-01', 'later', 'days'] }] }).map((p) => p.path))
      .toEqual(['/and/0/+/0', '/and/1/year/0', '/and/2/date_diff/1']);
    expect(check({ and: [{ '+': ['1.5', 1] }, { year: ['2026-03-31T08:00:00Z'] }, { month: [{ var: 'name' }] }] })).toEqual([]);
  });

  it('never throws on odd input: unknown operators and non-object schemas are tolerated', () => {
    expect(check({ foo: [{ var: 'atainment' }] }).map((p) => p.code)).toEqual(['RULE_UNKNOWN_VAR']);
    expect(checkRuleAgainstSchema({ var: 'x' }, { type: 'object', properties: { x: false } })).toEqual([]);
    expect(checkRuleAgainstSchema({ var: 'x.y' }, { type: 'object', properties: { x: 5 } })).toEqual([]);
  });

  it('stops descending at MAX_WALK_DEPTH instead of overflowing the stack on hostile nesting', () => {
    let deep: Rule = { var: 'atainment' };
    for (let i = 0; i < 100_000; i += 1) deep = { '!': [deep] };
    expect(check(deep)).toEqual([]);
    let shallow: Rule = { var: 'atainment' };
    for (let i = 1; i < MAX_WALK_DEPTH; i += 1) shallow = { '!': shallow };
    expect(check(shallow).map((p) => p.code)).toEqual(['RULE_UNKNOWN_VAR']);
  });
});
