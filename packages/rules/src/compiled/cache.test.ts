import { describe, expect, it } from 'vitest';
import type { Rule } from '../types.js';
import { clearCompiledCache, compileRule, evaluateCompiled } from './compile.js';
import { ruleKey } from './rule-key.js';

describe('compiled rule cache', () => {
  it('compiles a rule once, found by object identity or by exact text', () => {
    const text = '{"if":[{">":[{"var":"a"},1]},"big","small"]}';
    const rule = JSON.parse(text) as Rule;
    const compiled = compileRule(rule);
    expect(compileRule(rule)).toBe(compiled);
    expect(compileRule(JSON.parse(text) as Rule)).toBe(compiled);
    expect(compileRule(rule, { maxSteps: 5 })).not.toBe(compiled);
    expect(evaluateCompiled(JSON.parse(text) as Rule, { a: 2 })).toBe('big');
    clearCompiledCache();
    expect(compileRule(rule)).not.toBe(compiled);
  });

  it('tells apart rules that JSON text would confuse', () => {
    const negative = JSON.parse('{"<":[{"/":[1,-0]},0]}') as Rule;
    const positive = JSON.parse('{"<":[{"/":[1,0]},0]}') as Rule;
    expect(evaluateCompiled(negative)).toBe(true);
    expect(evaluateCompiled(positive)).toBe(false);
    expect(evaluateCompiled(JSON.parse('{"<":[{"/":[1,-0]},0]}') as Rule)).toBe(true);
    expect(ruleKey(negative)).not.toBe(ruleKey(positive));
    expect(ruleKey({ a: Number.NaN })).not.toBe(ruleKey({ a: null }));
    expect(ruleKey([undefined])).not.toBe(ruleKey([null]));
    expect(ruleKey({ d: new Date(0) })).toBeNull();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(ruleKey(cycle)).toBeNull();
  });
});
