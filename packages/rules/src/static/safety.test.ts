import { describe, expect, it } from 'vitest';
import type { Rule } from '../types.js';
import { DEFAULT_LIMITS } from '../types.js';
import { MAX_WALK_DEPTH } from './rule-shape.js';
import { checkRuleSafety } from './safety.js';

const codes = (rule: Rule, limits = {}) => checkRuleSafety(rule, limits).map((p) => p.code);

/** A rule exactly `depth` operations deep. */
function chain(depth: number): Rule {
  let rule: Rule = { var: 'a' };
  for (let i = 1; i < depth; i += 1) rule = { '!': rule };
  return rule;
}

/** A rule of exactly `nodes` JSON nodes: the operation, its argument list and nodes - 2 numbers. */
const sized = (nodes: number): Rule => ({ '+': Array.from({ length: nodes - 2 }, () => 1) });

describe('checkRuleSafety: limits', () => {
  it('accepts a rule exactly at the depth limit and rejects one level more, naming where', () => {
    expect(checkRuleSafety(chain(DEFAULT_LIMITS.maxDepth))).toEqual([]);
    const [problem] = checkRuleSafety(chain(DEFAULT_LIMITS.maxDepth + 1));
    expect(problem?.code).toBe('RULE_TOO_DEEP');
    expect(problem?.details).toEqual({ depth: DEFAULT_LIMITS.maxDepth + 1, limit: DEFAULT_LIMITS.maxDepth });
    expect(problem?.path).toBe(`${'/!'.repeat(DEFAULT_LIMITS.maxDepth)}`);
    expect(codes(chain(5), { maxDepth: 5 })).toEqual([]);
    expect(codes(chain(6), { maxDepth: 5 })).toEqual(['RULE_TOO_DEEP']);
  });

  it('counts literal arrays and objects as levels, not the argument list of an operation', () => {
    expect(codes({ and: [{ var: 'x' }] }, { maxDepth: 2 })).toEqual([]);
    expect(codes({ in: ['a', [['a']]] }, { maxDepth: 2 })).toEqual(['RULE_TOO_DEEP']);
    expect(codes({ in: ['a', ['a']] }, { maxDepth: 2 })).toEqual([]);
  });

  it('accepts a rule exactly at the size limit and rejects one node more', () => {
    expect(checkRuleSafety(sized(DEFAULT_LIMITS.maxNodes))).toEqual([]);
    const [problem] = checkRuleSafety(sized(DEFAULT_LIMITS.maxNodes + 1));
    expect(problem?.code).toBe('RULE_TOO_LARGE');
    expect(problem?.details).toEqual({ nodes: DEFAULT_LIMITS.maxNodes + 1, limit: DEFAULT_LIMITS.maxNodes });
    expect(codes(sized(10), { maxNodes: 10 })).toEqual([]);
    expect(codes(sized(11), { maxNodes: 10 })).toEqual(['RULE_TOO_LARGE']);
  });

  it('reports only the limits of an oversized rule, and measures hostile nesting without recursion', () => {
    expect(codes({ and: [{ log: 1 }, ...Array.from({ length: 20 }, () => 1)] }, { maxNodes: 10 })).toEqual(['RULE_TOO_LARGE']);
    let arrays: Rule = 1;
    let operations: Rule = 1;
    for (let i = 0; i < 200_000; i += 1) {
      arrays = [arrays];
      operations = { '!': operations };
    }
    expect(codes(arrays)).toEqual(['RULE_TOO_DEEP', 'RULE_TOO_LARGE']);
    expect(codes(operations)).toEqual(['RULE_TOO_DEEP', 'RULE_TOO_LARGE']);
  });

  it('caps maxDepth at the walkers\' own bound, so a huge limit cannot make checking overflow the stack', () => {
    const [problem] = checkRuleSafety(chain(MAX_WALK_DEPTH + 1), { maxDepth: 1_000_000, maxNodes: 1_000_000 });
    expect(problem?.details).toEqual({ depth: MAX_WALK_DEPTH + 1, limit: MAX_WALK_DEPTH });
    expect(checkRuleSafety(chain(MAX_WALK_DEPTH), { maxDepth: 1_000_000, maxNodes: 1_000_000 })).toEqual([]);
  });
});

describe('checkRuleSafety: operators', () => {
  it('accepts every known operator and rejects unknown ones, log and dotted names included, where they are', () => {
    expect(checkRuleSafety({ if: [{ '>': [{ var: 'x' }, 1] }, { cat: ['a', { var: 'y' }] }, { tier: [1, [[0, 'ge', 1]]] }] })).toEqual([]);
    const problems = checkRuleSafety({ and: [{ log: { var: 'x' } }, { if: [true, { 'Math.max': [1, 2] }] }, { '/': [1, { foo: [] }] }] });
    expect(problems.map((p) => [p.code, p.path, p.details?.operator])).toEqual([
      ['RULE_UNKNOWN_OPERATOR', '/and/0', 'log'],
      ['RULE_UNKNOWN_OPERATOR', '/and/1/if/1', 'Math.max'],
      ['RULE_UNKNOWN_OPERATOR', '/and/2/~1/1', 'foo'],
    ]);
    expect(problems[0]?.message).toEqual({ en: 'Unknown operator "log"', 'zh-CN': '未知的运算符"log"' });
  });

  it('does not look inside literal objects: json-logic-js returns them unevaluated', () => {
    expect(checkRuleSafety({ if: [true, { log: 1, var: '__proto__' }, null] })).toEqual([]);
  });
});

describe('checkRuleSafety: cost explosion', () => {
  const nested: Rule = { map: [{ var: 'a' }, { filter: [{ var: 'b' }, { var: 'c' }] }] };

  it('rejects an iterator inside another iterator\'s per-item logic, at the inner iterator', () => {
    for (const inner of ['map', 'filter', 'reduce', 'all', 'some', 'none']) {
      const problems = checkRuleSafety({ some: [{ var: 'a' }, { [inner]: [{ var: 'b' }, true] }] });
      expect(problems.map((p) => [p.code, p.path, p.details?.reason])).toEqual([['RULE_COST_EXPLOSION', '/some/1', 'nested_iterators']]);
    }
  });

  it('allows iterators one after another, in an iterator\'s source and in reduce\'s initial value', () => {
    expect(checkRuleSafety({ map: [{ filter: [{ var: 'a' }, { var: 'ok' }] }, { var: 'x' }] })).toEqual([]);
    expect(checkRuleSafety({ reduce: [{ var: 'a' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, { sum: [{ map: [{ var: 'b' }, 1] }] }] })).toEqual([]);
    expect(checkRuleSafety({ '+': [{ sum: [{ var: 'a' }] }, { reduce: [{ var: 'b' }, 1, 0] }] })).toEqual([]);
  });

  it('follows maxIteratorNesting: two levels pass at 2, three do not', () => {
    expect(codes(nested, { maxIteratorNesting: 2 })).toEqual([]);
    const triple: Rule = { map: [{ var: 'a' }, { map: [{ var: 'b' }, { map: [{ var: 'c' }, 1] }] }] };
    const problems = checkRuleSafety(triple, { maxIteratorNesting: 2 });
    expect(problems.map((p) => [p.code, p.path])).toEqual([['RULE_COST_EXPLOSION', '/map/1/map/1']]);
  });

  it('rejects a reduce whose merge or cat reads the accumulator twice (doubling), not once (collecting)', () => {
    const doubling: Rule = { reduce: [{ var: 'items' }, { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [1]] };
    expect(checkRuleSafety(doubling).map((p) => [p.code, p.path, p.details?.reads])).toEqual([['RULE_COST_EXPLOSION', '/reduce/1', 2]]);
    const doublingText: Rule = { reduce: [{ var: 'items' }, { cat: [{ var: 'accumulator' }, { if: [true, { var: '' }, ''] }] }, 'x'] };
    expect(codes(doublingText)).toEqual(['RULE_COST_EXPLOSION']);
    const nestedMerge: Rule = { reduce: [{ var: 'items' }, { merge: [{ var: 'accumulator.list' }, { merge: [{ var: 'accumulator.list' }] }] }] };
    expect(codes(nestedMerge)).toEqual(['RULE_COST_EXPLOSION']);
    const collecting: Rule = { reduce: [{ var: 'items' }, { merge: [{ var: 'accumulator' }, [{ var: 'current.id' }]] }, []] };
    expect(checkRuleSafety(collecting)).toEqual([]);
    // merge outside reduce reads no accumulator
    expect(checkRuleSafety({ map: [{ var: 'items' }, { merge: [{ var: 'a' }, { var: 'a' }] }] })).toEqual([]);
  });
});

describe('checkRuleSafety: field paths', () => {
  it('rejects paths through __proto__, constructor or prototype wherever a path is read', () => {
    const rule: Rule = {
      and: [
        { var: '__proto__' }, { var: ['a.constructor', 1] }, { missing: ['ok', 'x.prototype'] },
        { missing_some: [1, ['constructor']] }, { sum: [{ var: 'lines' }, 'amount.__proto__'] }, { missing: [['__proto__']] },
      ],
    };
    expect(checkRuleSafety(rule).map((p) => [p.code, p.path, p.details?.segment])).toEqual([
      ['RULE_FORBIDDEN_PATH', '/and/0/var', '__proto__'],
      ['RULE_FORBIDDEN_PATH', '/and/1/var/0', 'constructor'],
      ['RULE_FORBIDDEN_PATH', '/and/2/missing/1', 'prototype'],
      ['RULE_FORBIDDEN_PATH', '/and/3/missing_some/1/0', 'constructor'],
      ['RULE_FORBIDDEN_PATH', '/and/4/sum/1', '__proto__'],
      ['RULE_FORBIDDEN_PATH', '/and/5/missing/0/0', '__proto__'],
    ]);
    const [problem] = checkRuleSafety({ var: 'a.__proto__.b' });
    expect(problem?.message.en).toBe('The field path "a.__proto__.b" uses the reserved name "__proto__"');
    expect(problem?.message['zh-CN']).toBe('字段路径"a.__proto__.b"使用了保留名称"__proto__"');
  });

  it('accepts names that merely contain the reserved words', () => {
    expect(checkRuleSafety({ var: 'constructors.prototypeId' })).toEqual([]);
  });
});

describe('checkRuleSafety: malformed arguments', () => {
  it('checks fixed arities', () => {
    const rule: Rule = { and: [{ '!': [1, 2] }, { '==': [1] }, { '<': [1, 2, 3, 4] }, { '?:': [1, 2] }, { map: [[]] }, { date: [] }, { tier: [1] }] };
    expect(checkRuleSafety(rule).map((p) => [p.code, p.path, p.details?.actual])).toEqual([
      ['RULE_MALFORMED', '/and/0', 2], ['RULE_MALFORMED', '/and/1', 1], ['RULE_MALFORMED', '/and/2', 4],
      ['RULE_MALFORMED', '/and/3', 2], ['RULE_MALFORMED', '/and/4', 1], ['RULE_MALFORMED', '/and/5', 0], ['RULE_MALFORMED', '/and/6', 1],
    ]);
    expect(checkRuleSafety({ '<': [1, 2, 3] })).toEqual([]);
    expect(checkRuleSafety({ '!': [[]] })).toEqual([]);
    const [problem] = checkRuleSafety({ round: [1, 2, 'half_up', 4] });
    expect(problem?.message).toEqual({ en: 'Operator "round" expects 1 to 3 argument(s), got 4', 'zh-CN': '运算符"round"需要 1 到 3 个参数，实际为 4 个' });
  });

  it('requires tier rows as a literal ascending list of [number, "ge" | "gt", output]', () => {
    expect(checkRuleSafety({ tier: [{ var: 'x' }, [[0.8, 'ge', 0.02], [0.9, 'ge', { var: 'bonus' }], [0.9, 'gt', 0.04]], 0] })).toEqual([]);
    const bad: Rule[] = [
      { tier: [1, { var: 'rows' }] },
      { tier: [1, [[0.8, 'gte', 1]]] },
      { tier: [1, [[0.8, 'ge']]] },
      { tier: [1, [['0.8', 'ge', 1]]] },
      { tier: [1, [[0.9, 'ge', 1], [0.8, 'ge', 2]]] },
      { tier: [1, [[0.9, 'gt', 1], [0.9, 'ge', 2]]] },
    ];
    for (const rule of bad) expect(codes(rule)).toEqual(['RULE_MALFORMED']);
    expect(checkRuleSafety({ tier: [1, [[0.9, 'ge', 1], [0.8, 'ge', 2]]] })[0]?.path).toBe('/tier/1/1');
  });

  it('requires literal date units, rounding modes and aggregate fields, and sane literal amounts and places', () => {
    const ok: Rule = {
      and: [{ date_add: [{ var: 'd' }, { var: 'n' }, 'months'] }, { date_diff: ['2026-01-01', '2026-03-01', 'days'] },
        { round: [1.005, 2, 'half_even'] }, { round: [1, { var: 'places' }] }, { sum: [{ var: 'lines' }, 'amount'] }, { avg: [[1, 2], null] }],
    };
    expect(checkRuleSafety(ok)).toEqual([]);
    const bad: [Rule, string][] = [
      [{ date_add: ['2026-01-01', 1, 'day'] }, '/date_add/2'],
      [{ date_add: ['2026-01-01', 1, { var: 'unit' }] }, '/date_add/2'],
      [{ date_add: ['2026-01-01', 1.5, 'days'] }, '/date_add/1'],
      [{ date_diff: ['2026-01-01', '2026-02-01', 'weeks'] }, '/date_diff/2'],
      [{ round: [1, 2, 'bankers'] }, '/round/2'],
      [{ round: [1, 21] }, '/round/1'],
      [{ round: [1, -1] }, '/round/1'],
      [{ max_of: [{ var: 'lines' }, { var: 'field' }] }, '/max_of/1'],
    ];
    for (const [rule, path] of bad) expect(checkRuleSafety(rule).map((p) => [p.code, p.path])).toEqual([['RULE_MALFORMED', path]]);
    expect(checkRuleSafety({ date_diff: ['a', 'b', 'weeks'] })[0]?.message.en)
      .toBe('Operator "date_diff": the unit must be written as one of days, months, years, got "weeks"');
  });
});
