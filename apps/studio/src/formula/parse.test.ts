import { describe, expect, it } from 'vitest';
import { parseFormula } from './parse.js';

const errorOf = (text: string) => {
  const parsed = parseFormula(text);
  if (parsed.ok) throw new Error(`${text} parsed`);
  return { code: parsed.error.code, column: parsed.error.span.start + 1, params: parsed.error.params };
};
const ruleOf = (text: string) => {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error.code}`);
  return parsed.rule;
};

describe('parseFormula', () => {
  it('reads spreadsheet-like formulas into JSON Logic', () => {
    expect(ruleOf('round(registeredCapital * 0.1, 2)')).toEqual({ round: [{ '*': [{ var: 'registeredCapital' }, 0.1] }, 2] });
    expect(ruleOf('IF(partnerKind = "distributor", 5, 0)')).toEqual({ if: [{ '==': [{ var: 'partnerKind' }, 'distributor'] }, 5, 0] });
    expect(ruleOf('attainment >= 1 and region in ["east", \'south\']')).toEqual({
      and: [{ '>=': [{ var: 'attainment' }, 1] }, { in: [{ var: 'region' }, ['east', 'south']] }],
    });
    expect(ruleOf('today()')).toEqual({ var: '$today' });
    expect(ruleOf('now()')).toEqual({ var: '$now' });
    expect(ruleOf('first & " " & last')).toEqual({ cat: [{ var: 'first' }, ' ', { var: 'last' }] });
    expect(ruleOf('max(a, 0) - min(b, 1)')).toEqual({ '-': [{ max: [{ var: 'a' }, 0] }, { min: [{ var: 'b' }, 1] }] });
    expect(ruleOf('address.city <> "上海"')).toEqual({ '!=': [{ var: 'address.city' }, '上海'] });
  });

  it('binds * before + before & before comparisons before and before or; parentheses keep their group', () => {
    expect(ruleOf('a + b * c > 1 or d and e')).toEqual({
      or: [{ '>': [{ '+': [{ var: 'a' }, { '*': [{ var: 'b' }, { var: 'c' }] }] }, 1] }, { and: [{ var: 'd' }, { var: 'e' }] }],
    });
    expect(ruleOf('a + b + c')).toEqual({ '+': [{ var: 'a' }, { var: 'b' }, { var: 'c' }] });
    expect(ruleOf('(a + b) + c')).toEqual({ '+': [{ '+': [{ var: 'a' }, { var: 'b' }] }, { var: 'c' }] });
    expect(ruleOf('a - b - c')).toEqual({ '-': [{ '-': [{ var: 'a' }, { var: 'b' }] }, { var: 'c' }] });
  });

  it('writes prefix operators and conditions as the condition builder does', () => {
    expect(ruleOf('not (region in ["east"])')).toEqual({ '!': { in: [{ var: 'region' }, ['east']] } });
    expect(ruleOf('!!licenseFile')).toEqual({ '!!': { var: 'licenseFile' } });
    expect(ruleOf('between(creditLimit, 1, 5)')).toEqual({ '<=': [1, { var: 'creditLimit' }, 5] });
    expect(ruleOf('-5')).toBe(-5);
    expect(ruleOf('-(5)')).toEqual({ '-': 5 });
    expect(ruleOf('not [1]')).toEqual({ '!': [[1]] });
  });

  it('tells what is wrong at which column', () => {
    expect(errorOf('a +')).toEqual({ code: 'expectedValue', column: 4, params: { found: '' } });
    expect(errorOf('round(a, 2')).toMatchObject({ code: 'unclosedParen', column: 11 });
    expect(errorOf('x in ["a", "b"')).toMatchObject({ code: 'unclosedBracket' });
    expect(errorOf('name & "abc')).toMatchObject({ code: 'unclosedQuote', column: 12 });
    expect(errorOf('qty price')).toEqual({ code: 'unexpected', column: 5, params: { found: 'p' } });
    expect(errorOf('1 + 2a')).toMatchObject({ code: 'badNumber', column: 6 });
    expect(errorOf('qty * rounds(price, 2)')).toEqual({ code: 'unknownFunction', column: 7, params: { name: 'rounds' } });
    expect(errorOf('a ? 1 : 2')).toMatchObject({ code: 'unsupported', column: 1, params: { text: 'a ? 1 : 2' } });
    expect(errorOf('lines[0]')).toMatchObject({ code: 'unsupported', column: 1 });
    expect(errorOf('field(name)')).toMatchObject({ code: 'fieldPath', column: 1 });
    expect(errorOf('today(1)')).toMatchObject({ code: 'unsupported' });
    expect(errorOf('1e999')).toMatchObject({ code: 'badNumber' });
    expect(errorOf('[1,,2]')).toMatchObject({ code: 'expectedValue' });
  });

  it('maps each part of the rule to where it is written', () => {
    const parsed = parseFormula('round(capital * 0.1, 2) + fee');
    if (!parsed.ok) throw new Error('not parsed');
    const at = (path: string) => {
      const span = parsed.sources.get(path);
      return span === undefined ? undefined : 'round(capital * 0.1, 2) + fee'.slice(span.start, span.end);
    };
    expect(at('')).toBe('round(capital * 0.1, 2) + fee');
    expect(at('/+/0')).toBe('round(capital * 0.1, 2)');
    expect(at('/+/0/round/0')).toBe('capital * 0.1');
    expect(at('/+/0/round/0/*/0')).toBe('capital');
    expect(at('/+/1')).toBe('fee');
  });
});
