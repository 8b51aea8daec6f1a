import { describe, expect, it } from 'vitest';
import { isTrellisError } from '@trellis/errors';
import type { JsonValue, Rule } from '../types.js';
import { evaluateReference } from '../reference.js';
import { evaluateCompiled } from './compile.js';

/** `returns <JSON>` or `throws <code>`: what a caller can observe. */
function outcome(evaluate: () => JsonValue): string {
  try {
    return `returns ${JSON.stringify(evaluate())}`;
  } catch (error) {
    return isTrellisError(error) ? `throws ${error.code}` : `throws a non-Trellis error: ${String(error)}`;
  }
}

/** [rule, data, what json-logic-js 2.0.5 does]: each checked against both evaluators. */
type Case = readonly [rule: Rule, data: JsonValue | undefined, expected: string];

function check(cases: readonly Case[]): void {
  for (const [rule, data, expected] of cases) {
    const got = { reference: outcome(() => evaluateReference(rule, data)), compiled: outcome(() => evaluateCompiled(rule, data)) };
    expect(got, JSON.stringify({ rule, data })).toEqual({ reference: expected, compiled: expected });
  }
}

// JSON.parse keeps -0 and own "__proto__" keys, exactly as data arriving as JSON would have them
const negativeZero = JSON.parse('{"z": -0}') as JsonValue;

describe('compiled evaluator reproduces json-logic-js 2.0.5 quirks', () => {
  it('+ and * parse their arguments with parseFloat; * returns a single argument untouched', () => {
    check([
      [{ '+': ['3', '4.5abc'] }, null, 'returns 7.5'],
      [{ '+': [] }, null, 'returns 0'],
      [{ '+': ['1,5'] }, null, 'returns 1'],
      [{ '+': [[2, 3], 1] }, null, 'returns 3'],
      [{ '*': ['2', ' 3 '] }, null, 'returns 6'],
      [{ '*': ['abc'] }, null, 'returns "abc"'],
      [{ '*': [[1, 2]] }, null, 'returns [1,2]'],
      [{ '*': [] }, null, 'throws RULE_EVALUATION_FAILED'],
      [{ '+': ['Hey', 1] }, null, 'throws RULE_NON_JSON_RESULT'],
    ]);
  });

  it('parseFloat turns -0 into 0, which shows through a division by the result', () => {
    check([
      // json-logic-js: parseFloat(-1 * 0) * 5 = 0 * 5 = 0; plain JS would give -0 and 1 / -0 = -Infinity
      [{ '<': [{ '/': [1, { '*': [-1, 0, 5] }] }, 0] }, null, 'returns false'],
      [{ '<': [{ '/': [1, { '*': [{ var: 'z' }, 3] }] }, 0] }, negativeZero, 'returns false'],
      [{ '<': [{ '/': [1, { '+': [{ var: 'z' }] }] }, 0] }, negativeZero, 'returns false'],
      [{ '<': [{ '/': [1, { '+': [{ var: 'z' }, { var: 'z' }] }] }, 0] }, negativeZero, 'returns false'],
      [{ '<': [{ '/': [1, { '-': [{ var: 'z' }] }] }, 0] }, JSON.parse('{"z": 0}') as JsonValue, 'returns true'],
      [{ '<': [{ '/': [1, { var: 'z' }] }, 0] }, negativeZero, 'returns true'],
    ]);
  });

  it('- negates with one argument or when the second evaluates to undefined; < and <= take a third', () => {
    check([
      [{ '-': [5] }, null, 'returns -5'],
      [{ '-': [5, { and: [] }] }, null, 'returns -5'],
      [{ '-': ['7', '2'] }, null, 'returns 5'],
      [{ '-': [] }, null, 'throws RULE_NON_JSON_RESULT'],
      [{ '<': [1, 2, 3] }, null, 'returns true'],
      [{ '<': [1, 3, 2] }, null, 'returns false'],
      [{ '<=': [1, 1, 1] }, null, 'returns true'],
      [{ '<': [{ var: 'a' }, 2, { and: [] }] }, { a: 1 }, 'returns true'],
      [{ '<': [1] }, null, 'returns false'],
      [{ '>': [2, 1, 0] }, null, 'returns true'],
    ]);
  });

  it('compares loosely with ==, as JS does', () => {
    check([
      [{ '==': [1, '1'] }, null, 'returns true'],
      [{ '==': [null, 0] }, null, 'returns false'],
      [{ '==': [[1], 1] }, null, 'returns true'],
      [{ '==': [{ var: 'a' }, { var: 'a' }] }, { a: [1] }, 'returns true'],
      [{ '===': [[1], [1]] }, null, 'returns false'],
      [{ '!=': [0, ''] }, null, 'returns false'],
      [{ '==': [] }, null, 'returns true'],
      [{ '%': [-7, 2] }, null, 'returns -1'],
      [{ min: [1, '0', true] }, null, 'returns 0'],
      [{ max: [] }, null, 'throws RULE_NON_JSON_RESULT'],
      [{ '==': [{ var: 'o' }, 1] }, { o: { toString: 1 } }, 'throws RULE_EVALUATION_FAILED'],
    ]);
  });

  it('treats [] as false; and/or return an operand; if pairs conditions with values', () => {
    check([
      [{ if: [[], 'yes', 'no'] }, null, 'returns "no"'],
      [{ if: [[0], 'yes', 'no'] }, null, 'returns "yes"'],
      [{ '!': [[]] }, null, 'returns true'],
      [{ '!!': ['0'] }, null, 'returns true'],
      [{ '!': true }, null, 'returns false'],
      [{ and: [1, '', 2] }, null, 'returns ""'],
      [{ and: [1, 2] }, null, 'returns 2'],
      [{ or: [0, [], 'x'] }, null, 'returns "x"'],
      [{ or: [0, []] }, null, 'returns []'],
      [{ and: [] }, null, 'throws RULE_NON_JSON_RESULT'],
      [{ if: [] }, null, 'returns null'],
      [{ if: [true] }, null, 'returns true'],
      [{ if: [false, 1] }, null, 'returns null'],
      [{ if: [false, 1, false, 2] }, null, 'returns null'],
      [{ '?:': [false, 1, false, 2, 3] }, null, 'returns 3'],
      [{ if: [true, 1, { nope: 1 }] }, null, 'returns 1'],
      [{ or: [{ nope: 1 }, 1] }, null, 'throws RULE_UNKNOWN_OPERATOR'],
    ]);
  });

  it('reads var in every form json-logic-js accepts, never through a prototype', () => {
    const data = { a: { b: 2 }, k: 'a.b', s: 'abc', list: [10, 20], empty: '' };
    check([
      [{ var: 'a.b' }, data, 'returns 2'],
      [{ var: ['x', 5] }, data, 'returns 5'],
      [{ var: ['empty', 5] }, data, 'returns ""'],
      [{ var: [{ var: 'k' }] }, data, 'returns 2'],
      [{ var: [] }, 7, 'returns 7'],
      [{ var: '' }, 'whole', 'returns "whole"'],
      [{ var: null }, [1], 'returns [1]'],
      [{ var: 1 }, ['x', 'y'], 'returns "y"'],
      [{ var: 's.length' }, data, 'returns 3'],
      [{ var: 's.1' }, data, 'returns "b"'],
      [{ var: 'list.length' }, data, 'returns 2'],
      [{ var: 'a.b.c' }, data, 'returns null'],
      [{ var: 'constructor.name' }, data, 'returns null'],
      [{ var: 'a.__proto__' }, data, 'returns null'],
      [{ var: ['list.map', 'none'] }, data, 'returns "none"'],
      [{ var: 'toString' }, data, 'returns null'],
      [{ var: 'x' }, undefined, 'returns null'],
      [{ var: '' }, undefined, 'throws RULE_NON_JSON_RESULT'],
      [{ a: 1, b: 2 }, null, 'returns {"a":1,"b":2}'],
      [{}, null, 'returns {}'],
    ]);
  });

  it('evaluates missing keys as json-logic-js does, rules met in the data included', () => {
    check([
      [{ missing: ['a', 'b.c', 'd'] }, { a: '', b: { c: 0 } }, 'returns ["a","d"]'],
      [{ missing: [['a', 'b']] }, { b: 1 }, 'returns ["a"]'],
      [{ missing: [1, ['a', 'dflt']] }, {}, 'returns [1]'],
      [{ missing: [''] }, null, 'returns [""]'],
      [{ missing: [''] }, undefined, 'returns []'],
      [{ missing: { var: 'keys' } }, { keys: ['x', 'n'], n: 1 }, 'returns ["x"]'],
      [{ missing: { var: 'k' } }, { k: { var: 'name' }, name: 'a' }, 'returns [{"var":"name"}]'],
      [{ missing: { var: 'k' } }, { k: { var: 'name' }, name: 'a', a: 1 }, 'returns []'],
      [{ missing: { var: 'k' } }, { k: { nope: 1 } }, 'throws RULE_UNKNOWN_OPERATOR'],
      [{ missing_some: [1, ['a', 'b']] }, { a: 1 }, 'returns []'],
      [{ missing_some: [2, ['a', 'b']] }, { a: 1 }, 'returns ["b"]'],
      [{ missing_some: [1, { var: 'keys' }] }, { keys: ['a', 'b'] }, 'returns ["a","b"]'],
      // a non-array key list is one key, but its length is still the string's
      [{ missing_some: [1, 'ab'] }, {}, 'returns []'],
      [{ missing_some: [2, 'ab'] }, {}, 'returns ["ab"]'],
      [{ missing_some: [1, null] }, {}, 'throws RULE_EVALUATION_FAILED'],
    ]);
  });

  it('iterates like json-logic-js: item data, reduce data, non-arrays', () => {
    check([
      [{ map: [{ var: 'xs' }, { '*': [{ var: '' }, 2] }] }, { xs: [1, '2'] }, 'returns [2,4]'],
      [{ filter: [{ var: 'xs' }, { var: 'ok' }] }, { xs: [{ ok: 1 }, { ok: [] }, 3] }, 'returns [{"ok":1}]'],
      [{ reduce: [[1, 2, 3], { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, null, 'returns 6'],
      [{ reduce: [[1, 2], { var: '' }] }, null, 'returns {"current":2,"accumulator":{"current":1,"accumulator":null}}'],
      [{ reduce: [[1, 2], { var: 'toString' }, 5] }, null, 'returns null'],
      [{ reduce: 5 }, null, 'returns null'],
      [{ reduce: ['x', { var: 'current' }, 7] }, null, 'returns 7'],
      [{ map: [5, 1] }, null, 'returns []'],
      [{ all: [[], true] }, null, 'returns false'],
      [{ none: [[], true] }, null, 'returns true'],
      [{ some: [{ var: 'x' }, true] }, {}, 'returns false'],
      [{ all: [[1, 0], { var: '' }] }, null, 'returns false'],
      [{ map: [[1]] }, null, 'throws RULE_NON_JSON_RESULT'],
      [{ map: [[1, 2], { var: 'outer' }] }, { outer: 1 }, 'returns [null,null]'],
    ]);
  });

  it('handles in, cat, substr and merge like json-logic-js', () => {
    check([
      [{ in: [1, 'a1'] }, null, 'returns true'],
      [{ in: ['x', ''] }, null, 'returns false'],
      [{ in: ['b', ['a', 'b']] }, null, 'returns true'],
      [{ in: [{ var: 'n' }, [1, 2]] }, { n: '1' }, 'returns false'],
      [{ in: ['a', { var: 'o' }] }, { o: { indexOf: 1 } }, 'throws RULE_EVALUATION_FAILED'],
      [{ in: ['a', { var: 'o' }] }, { o: { a: 1 } }, 'returns false'],
      [{ cat: ['a', null, [1, [2, 3]], { and: [] }, true] }, null, 'returns "a1,2,3true"'],
      [{ cat: 'x' }, null, 'returns "x"'],
      [{ substr: ['abcdef', 1, -2] }, null, 'returns "bcd"'],
      [{ substr: ['abcdef', -3] }, null, 'returns "def"'],
      [{ substr: ['abcdef', 1, '-1'] }, null, 'returns ""'],
      [{ substr: [12345, 1, 2] }, null, 'returns "23"'],
      [{ merge: [1, [2, [3]], []] }, null, 'returns [1,2,[3]]'],
      [{ merge: [] }, null, 'returns []'],
    ]);
  });
});
