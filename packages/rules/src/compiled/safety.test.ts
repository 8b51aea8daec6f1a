import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue, Rule } from '../types.js';
import { evaluateReference } from '../reference.js';
import { errorCode } from '../testing/error-code.js';
import { compileRule, evaluateCompiled } from './compile.js';

/**
 * Text that would run, end a string or end a line if it were pasted into generated code (without
 * dots, which split var paths).
 */
const PAYLOADS = [
  '"', "'", '\\', '\\"', '`${globalThis["pwned"] = 1}`', '"); process["exit"](1); ("', "'); globalThis['pwned'] = 1; ('",
  '"]; globalThis["pwned"] = 1; //', '*/ globalThis["pwned"] = 1; /*', '</script><script>globalThis["pwned"] = 1</script>',
  '\u2028globalThis["pwned"] = 1', '\u2029', '\n globalThis["pwned"] = 1 //', '\u0000', '\ud800', '\\u0022',
];

const pwned = () => (globalThis as { pwned?: unknown }).pwned;

/** Both evaluators, which must agree; returns the compiled result. */
function both(rule: Rule, data?: unknown): JsonValue {
  const compiled = evaluateCompiled(rule, data);
  expect(compiled, JSON.stringify(rule)).toEqual(evaluateReference(rule, data));
  return compiled;
}

describe('compiled code never runs text from a rule or its data', () => {
  it('keeps strings in literals, paths, keys and object literals as plain data', () => {
    for (const p of PAYLOADS) {
      const data = Object.fromEntries([[p, 'value'], ['nested', Object.fromEntries([[p, p]])]]);
      expect(both(p)).toBe(p);
      expect(both({ cat: [p, 'x'] })).toBe(`${p}x`);
      expect(both({ '==': [{ var: 'nested' }, p] }, data)).toBe(false);
      expect(both({ in: [p, [p, 'other']] })).toBe(true);
      expect(both({ var: p }, data)).toBe('value');
      expect(both({ var: `nested.${p}` }, data)).toBe(p);
      expect(both({ var: ['missing', p] }, data)).toBe(p);
      expect(both({ missing: [p, 'nested'] }, data)).toEqual([]);
      expect(both({ missing: [`${p}.${p}`] }, data)).toEqual([`${p}.${p}`]);
      expect(both({ map: [[p], { cat: [{ var: '' }, p] }] })).toEqual([`${p}${p}`]);
      expect(both({ [p]: 1, other: [p] })).toEqual({ [p]: 1, other: [p] });
    }
    expect(pwned()).toBeUndefined();
  });

  it('treats operator names as table keys, never as code', () => {
    for (const p of [...PAYLOADS, '__proto__', 'constructor', 'toString', 'var.length', 'cat.constructor']) {
      const rule = JSON.parse(JSON.stringify({ [p]: [1] })) as Rule;
      expect(errorCode(() => evaluateCompiled(rule))).toBe('RULE_UNKNOWN_OPERATOR');
      expect(errorCode(() => evaluateReference(rule))).toBe('RULE_UNKNOWN_OPERATOR');
    }
    expect(pwned()).toBeUndefined();
  });
});

describe('compiled var never reaches a prototype', () => {
  afterEach(() => {
    delete (Object.prototype as { polluted?: unknown }).polluted;
  });

  it('returns null (or the default) for __proto__, constructor and inherited names', () => {
    const data = { a: {}, list: [1], text: 'abc' };
    for (const path of ['__proto__', 'constructor', 'constructor.name', 'a.constructor', 'a.__proto__.x', 'toString',
      'hasOwnProperty', 'a.prototype', 'list.map', 'list.constructor', 'text.toUpperCase', 'valueOf']) {
      expect(both({ var: path }, data)).toBeNull();
      expect(both({ var: [path, 'fallback'] }, data)).toBe('fallback');
      expect(both({ missing: [path] }, data)).toEqual([path]);
      expect(both({ map: [[{}, []], { var: path }] })).toEqual([null, null]);
      expect(both({ reduce: [[1], { var: path }, 0] })).toBeNull();
      expect(both({ reduce: [[{}], { var: `current.${path}` }, 0] })).toBeNull();
    }
  });

  it('reads own properties of any name, a "__proto__" key of JSON data aside', () => {
    expect(both({ var: 'toString' }, { toString: 5 })).toBe(5);
    expect(both({ var: 'a.valueOf' }, { a: { valueOf: 'own' } })).toBe('own');
    expect(both({ var: '__proto__.x' }, JSON.parse('{"__proto__": {"x": 1}}'))).toBeNull();
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(both({ var: 'a' }, bare)).toBe(1);
    class Getter { get x(): number { return 1; } }
    expect(both({ var: 'x' }, new Getter())).toBeNull();
  });

  it('ignores properties added to Object.prototype, before or after the rule is compiled', () => {
    const rule: Rule = { if: [{ var: 'polluted' }, 'reached', { var: ['a.polluted', 'safe'] }] };
    const compiled = compileRule(rule);
    expect(compiled({ a: {} })).toBe('safe');
    Object.defineProperty(Object.prototype, 'polluted', { value: 'bad', configurable: true, enumerable: true, writable: true });
    expect(compiled({ a: {} })).toBe('safe');
    expect(both(rule, { a: {} })).toBe('safe');
    expect(both({ map: [[{}], { var: 'polluted' }] })).toEqual([null]);
    expect(both({ missing: ['polluted'] }, {})).toEqual(['polluted']);
    expect(both({ var: 'polluted' }, { polluted: 'own' })).toBe('own');
  });

  it('returns fresh arrays, so a caller changing a result cannot change the next one', () => {
    const compiled = compileRule({ if: [{ var: 'x' }, [1, 2], { merge: [[3], 4] }] });
    const first = compiled({ x: true }) as JsonValue[];
    first.push(99);
    expect(compiled({ x: true })).toEqual([1, 2]);
    const merged = compiled({ x: false }) as JsonValue[];
    merged.push(99);
    expect(compiled({ x: false })).toEqual([3, 4]);
    const product = compileRule({ '*': [[5]] });
    (product() as JsonValue[]).push(99);
    expect(product()).toEqual([5]);
  });
});
