import { describe, expect, it } from 'vitest';
import { evaluateReference as run } from './reference.js';
import { errorCode } from './testing/error-code.js';
import { loadPristineJsonLogic } from './testing/pristine-json-logic.js';

describe('evaluateReference', () => {
  it('evaluates json-logic-js rules as json-logic-js does', () => {
    expect(run({ if: [{ '>': [{ var: 'a' }, 1] }, 'big', 'small'] }, { a: 2 })).toBe('big');
    expect(run({ map: [{ var: 'xs' }, { '*': [{ var: '' }, 2] }] }, { xs: [1, 2] })).toEqual([2, 4]);
    expect(run({ missing: ['a', 'b.c'] }, { a: 1, b: {} })).toEqual(['b.c']);
    expect(run(5)).toBe(5);
  });

  it('never reads prototypes through var or missing', () => {
    for (const path of ['__proto__', 'constructor', 'a.constructor', 'a.__proto__.x', 'toString', 'a.prototype', 'hasOwnProperty']) {
      expect(run({ var: path }, { a: {} })).toBeNull();
      expect(run({ var: [path, 'fallback'] }, { a: {} })).toBe('fallback');
      expect(run({ missing: [path] }, { a: {} })).toEqual([path]);
    }
    expect(run({ var: 'a.b' }, { a: { b: 1 } })).toBe(1);
  });

  it('rejects operators outside the Trellis set, log and dotted names included, when evaluated', () => {
    const rules = ['{"log":1}', '{"val":"a"}', '{"cat.prototype.constructor":["a"]}', '{"var.length":[]}', '{"__proto__":1}', '{"toString":1}'];
    for (const text of rules) {
      expect(errorCode(() => run(JSON.parse(text) as never))).toBe('RULE_UNKNOWN_OPERATOR');
    }
    expect(run({ if: [true, 1, { nope: 1 }] })).toBe(1);
  });

  it('fails cleanly where json-logic-js yields a non-JSON value or a JS error', () => {
    expect(errorCode(() => run({ '/': [1, 0] }))).toBe('RULE_NON_JSON_RESULT');
    expect(errorCode(() => run({ '+': ['Hey', 1] }))).toBe('RULE_NON_JSON_RESULT');
    expect(errorCode(() => run({ map: [[1], { '/': [{ var: '' }, 0] }] }))).toBe('RULE_NON_JSON_RESULT');
    expect(errorCode(() => run({ '*': [] }))).toBe('RULE_EVALUATION_FAILED');
    expect(errorCode(() => run({ missing_some: [1, null] }))).toBe('RULE_EVALUATION_FAILED');
  });

  it('leaves a pristine copy of json-logic-js available to tests', () => {
    const pristine = loadPristineJsonLogic();
    expect(pristine.apply({ var: 'constructor.name' }, {})).toBe('Object');
    expect(() => pristine.apply({ dec_add: [1, 2] })).toThrow(/Unrecognized operation/);
    expect(run({ var: 'constructor.name' }, {})).toBeNull();
    expect(run({ dec_add: [1, 2] })).toBe(3);
  });
});
